import { msSince } from '../domain/format-time';
import { eventsInTimeOrder } from '../domain/ordering';
import { hasResults, sessionExit } from '../domain/session-outcome';
import type { LinkEvent, LinkSession } from '../schemas/link-token-get-response';
import { verificationFinished } from './flows';
import { lastUnansweredError } from './session-errors';
import { decide, SESSION_RULES, type SessionFacts, type SessionVerdict } from './verdict';

// One session's verdict from its own fields: the rule the diagnosis and live watch share, so that
// a session the answer calls abandoned (idle for 30 minutes) is never still watched as running.

// The last event's timestamp (the start when there are no events). `events` are in time order.
export function lastActivityOf(session: LinkSession, events: readonly LinkEvent[]): string | null {
  return events.at(-1)?.timestamp ?? session.started_at ?? null;
}

// `events` in time order.
export function sessionFacts(
  session: LinkSession,
  events: readonly LinkEvent[],
  lastActivityAt: string | null,
  tokenExpired: boolean,
  now: number,
): SessionFacts {
  const exit = sessionExit(session);
  return {
    // Identity Verification adds no Item: its session is done once the verification has an outcome.
    linked: Boolean(session.on_success) || hasResults(session.results) || verificationFinished(events),
    exited: Boolean(exit),
    exitError: Boolean(exit?.error),
    finished: Boolean(session.finished_at),
    stoppedAfterError: lastUnansweredError(events) !== null,
    tokenExpired,
    msSinceActivity: msSince(lastActivityAt, now),
  };
}

export function sessionVerdict(session: LinkSession, tokenExpired: boolean, now: number): SessionVerdict {
  const events = eventsInTimeOrder(session.events ?? []);
  const lastActivityAt = lastActivityOf(session, events);
  return decide(SESSION_RULES, sessionFacts(session, events, lastActivityAt, tokenExpired, now));
}
