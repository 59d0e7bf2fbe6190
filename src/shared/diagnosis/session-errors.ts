import type { LinkEvent } from '../schemas/link-token-get-response';
import type { PlaidError } from '../schemas/plaid-error';
import { eventStep } from './session-steps';

// The ERROR events of a session: which one the session failed on, and how often it happened. Link
// reports each error as an ERROR event; a user who hits one and closes the tab leaves no EXIT, so
// the last error is then the only word on why the session ended.

// The last ERROR event (with a code), when nothing the user did came after it: a view change
// (Link's error screen, the form shown again) is not an action; submitting again, choosing
// another bank or a hand-off is. `events` in time order.
export function lastUnansweredError(events: readonly LinkEvent[]): LinkEvent | null {
  const index = events.findLastIndex(
    (event) => event.event_name === 'ERROR' && Boolean(event.event_metadata.error_code),
  );
  if (index === -1) return null;
  const actedAfter = events
    .slice(index + 1)
    .some(
      (event) =>
        event.event_name !== 'TRANSITION_VIEW' && event.event_name !== 'EXIT' && eventStep(event) !== null,
    );
  return actedAfter ? null : events[index]!;
}

// The error an ERROR event reports, in Plaid's shape; its request_id is the event's.
export function errorOfEvent(event: LinkEvent): PlaidError {
  const metadata = event.event_metadata;
  return {
    error_type: metadata.error_type ?? 'UNKNOWN',
    error_code: metadata.error_code ?? 'UNKNOWN',
    error_message: metadata.error_message ?? 'Link reported this error in an ERROR event.',
    display_message: null,
    ...(metadata.request_id ? { request_id: metadata.request_id } : {}),
  };
}

// How many ERROR events carried this code.
export function errorCount(events: readonly LinkEvent[], code: string): number {
  return events.filter((event) => event.event_name === 'ERROR' && event.event_metadata.error_code === code)
    .length;
}

// The request_id of the last ERROR event with this code: what Plaid support looks the failure up by.
export function errorEventRequestId(events: readonly LinkEvent[], code: string): string | null {
  const event = events.findLast(
    (candidate) => candidate.event_name === 'ERROR' && candidate.event_metadata.error_code === code,
  );
  return event?.event_metadata.request_id ?? null;
}
