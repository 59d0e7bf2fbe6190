import type { LinkEvent, LinkSession } from '../schemas/link-token-get-response';
import { sessionExit } from './session-outcome';

export type Institution = { name?: string; institution_id?: string };

export function institutionLabel(institution: Institution | null | undefined): string | null {
  if (!institution) return null;
  if (institution.name && institution.institution_id)
    return `${institution.name} (${institution.institution_id})`;
  return institution.name ?? institution.institution_id ?? null;
}

// The institution a session dealt with, from the most authoritative place that names one; else
// the last one its events (in time order) mention.
export function sessionInstitutionOf(
  session: LinkSession,
  eventsInOrder: readonly LinkEvent[],
): Institution | null {
  const fromCallbacks = [
    session.on_success?.metadata?.institution,
    session.results?.item_add_results[0]?.institution,
    sessionExit(session)?.metadata?.institution,
  ].find((institution) => institutionLabel(institution) !== null);
  if (fromCallbacks) return fromCallbacks;
  for (let index = eventsInOrder.length - 1; index >= 0; index -= 1) {
    const metadata = eventsInOrder[index]!.event_metadata;
    const institution = { name: metadata.institution_name, institution_id: metadata.institution_id };
    if (institutionLabel(institution)) return institution;
  }
  return null;
}

// "First Platypus Bank (ins_109508)", for lists and details.
export function sessionInstitution(session: LinkSession, eventsInOrder: readonly LinkEvent[]): string | null {
  return institutionLabel(sessionInstitutionOf(session, eventsInOrder));
}
