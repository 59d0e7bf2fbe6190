import type { LinkEvent, LinkSession } from '../schemas/link-token-get-response';
import { sessionExit } from './session-outcome';

type Institution = { name?: string; institution_id?: string } | null | undefined;

export function institutionLabel(institution: Institution): string | null {
  if (!institution) return null;
  if (institution.name && institution.institution_id)
    return `${institution.name} (${institution.institution_id})`;
  return institution.name ?? institution.institution_id ?? null;
}

// The institution a session dealt with, from the most authoritative place that names one; else
// the last one its events (in time order) mention.
export function sessionInstitution(session: LinkSession, eventsInOrder: readonly LinkEvent[]): string | null {
  const fromCallbacks =
    institutionLabel(session.on_success?.metadata?.institution) ??
    institutionLabel(session.results?.item_add_results[0]?.institution) ??
    institutionLabel(sessionExit(session)?.metadata?.institution);
  if (fromCallbacks) return fromCallbacks;
  for (let index = eventsInOrder.length - 1; index >= 0; index -= 1) {
    const metadata = eventsInOrder[index]!.event_metadata;
    const label = institutionLabel({
      name: metadata.institution_name,
      institution_id: metadata.institution_id,
    });
    if (label) return label;
  }
  return null;
}
