import { institutionLabel } from '../domain/institution';
import type { LinkEvent, LinkSession } from '../schemas/link-token-get-response';

// Several Items in one session (Multi-Item Link, Hosted Link): every bank the session linked, and
// every bank the user tried in it without linking, so that a headline naming the first Item does
// not hide the others or a failure between them.

// A bank the user tried in the session and did not link, with the last error it gave.
export interface FailedAttempt {
  institution: string;
  errorCode: string;
}

const nameOf = (institution: { name?: string; institution_id?: string } | null | undefined) =>
  institution?.name ?? institutionLabel(institution);

// The banks of results.item_add_results, in order and once each (else on_success's bank).
export function linkedInstitutions(session: LinkSession): string[] {
  const fromResults = (session.results?.item_add_results ?? []).map((result) => nameOf(result.institution));
  const names = fromResults.length > 0 ? fromResults : [nameOf(session.on_success?.metadata?.institution)];
  return [...new Set(names.filter((name): name is string => Boolean(name)))];
}

// How many Items the session added (item_add_results; on_success alone counts one).
export function itemCount(session: LinkSession): number {
  return Math.max(session.results?.item_add_results.length ?? 0, session.on_success ? 1 : 0);
}

// The banks whose ERROR events the session moved on from without linking them. `events` in time
// order; `linked`: the banks the session linked (linkedInstitutions).
export function failedAttempts(events: readonly LinkEvent[], linked: readonly string[]): FailedAttempt[] {
  const lastErrors = new Map<string, string>();
  for (const event of events) {
    const metadata = event.event_metadata;
    const institution = metadata.institution_name ?? metadata.institution_id;
    if (event.event_name !== 'ERROR' || !metadata.error_code || !institution) continue;
    if (linked.includes(institution)) continue;
    lastErrors.delete(institution);
    lastErrors.set(institution, metadata.error_code);
  }
  return [...lastErrors].map(([institution, errorCode]) => ({ institution, errorCode }));
}

// "First Platypus Bank and Houndstooth Bank"; "A, B and C".
export function listed(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

// Said after "The user linked …" when the session linked several banks or failed at another.
export function severalItemsClause(linked: readonly string[], failed: readonly FailedAttempt[]): string {
  const count = linked.length > 1 ? ` (${linked.length} Items in one session)` : '';
  const failures = failed.map((attempt) => `at ${attempt.institution} with ${attempt.errorCode}`);
  const attempts =
    failures.length === 0
      ? ''
      : `; ${failures.length === 1 ? 'an attempt' : `${failures.length} attempts`} in the same session failed ${listed(failures)}`;
  return `${count}${attempts}`;
}
