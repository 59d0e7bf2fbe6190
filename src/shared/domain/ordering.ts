import type { LinkEvent, LinkSession } from '../schemas/link-token-get-response';

// Plaid's example lists events newest first; a timeline reads oldest first. Timestamps are
// compared as instants; an unparseable one sorts last rather than breaking the order. Timestamps
// have one-second resolution, so ties are common: when the list as a whole runs newest first it
// is reversed before the (stable) sort, so tied events keep their true relative order.
function instant(value: string | null | undefined): number {
  const time = value ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

function compareInstants(left: number, right: number): number {
  return left === right ? 0 : left < right ? -1 : 1;
}

// Each timestamp is parsed once, not at each comparison: a diagnosis orders every session's events
// several times, and a batch diagnoses its answers on the page's main thread.
export function eventsInTimeOrder(events: readonly LinkEvent[]): LinkEvent[] {
  const timed = events.map((event) => ({ event, at: instant(event.timestamp) }));
  if (timed.length > 1 && timed[0]!.at > timed.at(-1)!.at) timed.reverse();
  return timed.sort((a, b) => compareInstants(a.at, b.at)).map(({ event }) => event);
}

export function sessionsNewestFirst(sessions: readonly LinkSession[]): LinkSession[] {
  // Negated start times sort the newest first; sessions without a start time (Infinity) go last.
  const key = (session: LinkSession) => {
    const started = instant(session.started_at);
    return started === Number.POSITIVE_INFINITY ? started : -started;
  };
  return [...sessions].sort((a, b) => compareInstants(key(a), key(b)));
}
