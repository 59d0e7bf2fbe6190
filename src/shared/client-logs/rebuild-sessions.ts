import { eventsInTimeOrder } from '../domain/ordering';
import type { LinkEvent, LinkSession, LinkSessionExit } from '../schemas/link-token-get-response';
import type { LogRecord } from './log-records';

// Rebuilds Link sessions from pasted log entries in the shape Plaid's /link/token/get gives them,
// so that the diagnosis reads them with the same rules: grouped by link_session_id, events in time
// order (an event logged twice, by the app and in a webhook, once), the exit and success attached.

// The same event from the app's onEvent and from the EVENTS webhook has different ids (the app's
// has none): it is the same event when its name, time and what it says agree.
function eventKey(event: LinkEvent): string {
  const metadata = event.event_metadata;
  return [event.event_name, event.timestamp, metadata.view_name, metadata.error_code].join('|');
}

function uniqueEvents(events: readonly LinkEvent[]): LinkEvent[] {
  const seen = new Map<string, LinkEvent>();
  for (const event of events) if (!seen.has(eventKey(event))) seen.set(eventKey(event), event);
  return [...seen.values()];
}

// What Link's EXIT event (or, without one, the last ERROR event) says of the exit, when the app's
// onExit was not pasted or was logged without its error.
function exitFromEvents(
  events: readonly LinkEvent[],
  linkSessionId: string,
): NonNullable<LinkSessionExit> | null {
  const exitEvent = events.findLast((event) => event.event_name === 'EXIT');
  const errorEvent = [exitEvent, events.findLast((event) => event.event_name === 'ERROR')].find(
    (event) => event?.event_metadata.error_code,
  );
  if (!exitEvent && !errorEvent) return null;
  const source = exitEvent?.event_metadata ?? {};
  const error = errorEvent?.event_metadata;
  const institutionName = source.institution_name ?? error?.institution_name;
  const institutionId = source.institution_id ?? error?.institution_id;
  return {
    error: error?.error_code
      ? {
          error_type: error.error_type ?? '',
          error_code: error.error_code,
          error_message: error.error_message ?? '',
          display_message: null,
        }
      : null,
    metadata: {
      link_session_id: linkSessionId,
      ...(source.exit_status && { status: source.exit_status }),
      ...(source.request_id && { request_id: source.request_id }),
      ...((institutionName || institutionId) && {
        institution: {
          ...(institutionName && { name: institutionName }),
          ...(institutionId && { institution_id: institutionId }),
        },
      }),
    },
  };
}

function sessionOf(linkSessionId: string, records: readonly LogRecord[]): LinkSession {
  const events = eventsInTimeOrder(
    uniqueEvents(
      records.flatMap((record) =>
        record.kind === 'event' ? [record.event] : record.kind === 'events webhook' ? record.events : [],
      ),
    ),
  );
  const finished = records.findLast((record) => record.kind === 'session finished webhook');
  const success =
    records.findLast((record) => record.kind === 'success')?.success ??
    (finished?.status === 'SUCCESS'
      ? { public_token: finished.publicTokens[0] ?? '', metadata: null }
      : null);
  const fromEvents = exitFromEvents(events, linkSessionId);
  const logged = records.findLast((record) => record.kind === 'exit')?.exit;
  // onExit's own error speaks first; the events fill in what the app's log left out.
  const exit = logged
    ? { ...logged, error: logged.error ?? fromEvents?.error ?? null }
    : (fromEvents ??
      (finished?.status === 'EXITED' ? { error: null, metadata: { link_session_id: linkSessionId } } : null));
  const times = events.map((event) => event.timestamp).filter((time) => !Number.isNaN(Date.parse(time)));
  const ended = Boolean(success || exit);
  return {
    link_session_id: linkSessionId,
    ...(times[0] && { started_at: times[0] }),
    finished_at: ended ? (times.at(-1) ?? null) : null,
    events,
    ...(success && { on_success: success }),
    ...(exit && { exit }),
  };
}

export function rebuildSessions(records: readonly LogRecord[]): LinkSession[] {
  const bySession = new Map<string, LogRecord[]>();
  for (const record of records) {
    const list = bySession.get(record.linkSessionId) ?? [];
    list.push(record);
    bySession.set(record.linkSessionId, list);
  }
  return [...bySession].map(([linkSessionId, list]) => sessionOf(linkSessionId, list));
}
