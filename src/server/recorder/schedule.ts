import type { STOP_REASONS } from '../../shared/schemas/recordings';

// When the recorder asks Plaid about a registered token next, or that it stops for good: a pure
// function of what the store remembers, what this poll saw and the time (docs/api.md, Recordings).
//
// Pace: the fastest (RECORDER_POLL_MS) while a Link session is open and moving; slower the longer
// nothing changes (half the quiet time so far, up to SLOWEST_MS); backing off after failures.
// Stop rules, each after one last poll (a session that moves again in between cancels the stop):
// - the token has expired and no session is open;
// - every open session has had no event for ABANDONED_AFTER_MS (read as abandoned);
// - Plaid refuses the token (it does not know it, or no longer);
// - at the latest KEEP_AFTER_EXPIRY_MS after expiry, whatever is still open (Plaid itself answers
//   for a session up to six hours after it ended).

export const ABANDONED_AFTER_MS = 30 * 60_000;
export const KEEP_AFTER_EXPIRY_MS = 6 * 60 * 60_000;
// Until Plaid's first answer gives the expiration, a token is taken to live Plaid's default four
// hours from its registration.
export const ASSUMED_LIFETIME_MS = 4 * 60 * 60_000;
export const SLOWEST_MS = 5 * 60_000;

export type StopReason = (typeof STOP_REASONS)[number];

// What the store remembers of a recording between polls.
export type RecordingState = {
  registeredAt: Date;
  // When an answer last differed from the one before it (the registration, before any).
  lastChangeAt: Date;
  // The token's expiration, from Plaid's last answer (null before one).
  expiresAt: Date | null;
  // Why the poll just made was meant to be the last one; null for an ordinary poll.
  finalPoll: StopReason | null;
  // Polls in a row that got no answer, this one excluded.
  failures: number;
};

// What one poll saw.
export type PollSeen =
  | {
      kind: 'answer';
      // The answer differs from the last one (request_id aside).
      changed: boolean;
      expiresAt: Date | null;
      // When each session still open (not finished) last had an event (or started).
      openSessions: readonly { lastEventAt: Date }[];
    }
  // Plaid answered that it does not know the token (INVALID_LINK_TOKEN and the like).
  | { kind: 'refused' }
  // No answer: network, timeout, Plaid's 5xx or rate limit.
  | { kind: 'failed' };

export type NextStep =
  { step: 'poll'; at: Date; finalPoll: StopReason | null } | { step: 'stop'; reason: StopReason };

export function nextStep(state: RecordingState, seen: PollSeen, now: Date, fastestMs: number): NextStep {
  const deadline = deadlineOf(state, seen);
  const due = stopRule(seen, now, deadline);
  if (state.finalPoll) {
    // The last poll was made. Only a session that moved again since (expired or abandoned read
    // too early) brings the token back to ordinary polling.
    if (state.finalPoll === 'refused' || state.finalPoll === 'deadline' || due)
      return { step: 'stop', reason: due ?? state.finalPoll };
  }
  if (due === 'deadline') return { step: 'stop', reason: 'deadline' };
  const at = new Date(now.getTime() + (due ? fastestMs : interval(state, seen, now, fastestMs)));
  if (due) return { step: 'poll', at, finalPoll: due };
  // Never past the deadline, and not long past the expiry, when the expired rule may apply.
  if (at >= deadline) return { step: 'poll', at: deadline, finalPoll: 'deadline' };
  const expiresAt = seen.kind === 'answer' ? seen.expiresAt : state.expiresAt;
  if (expiresAt && expiresAt > now && at > expiresAt) return { step: 'poll', at: expiresAt, finalPoll: null };
  return { step: 'poll', at, finalPoll: null };
}

function deadlineOf(state: RecordingState, seen: PollSeen): Date {
  const expiresAt = (seen.kind === 'answer' ? seen.expiresAt : null) ?? state.expiresAt;
  const expiry = expiresAt?.getTime() ?? state.registeredAt.getTime() + ASSUMED_LIFETIME_MS;
  return new Date(expiry + KEEP_AFTER_EXPIRY_MS);
}

function stopRule(seen: PollSeen, now: Date, deadline: Date): StopReason | null {
  if (now >= deadline) return 'deadline';
  if (seen.kind === 'refused') return 'refused';
  if (seen.kind === 'failed') return null;
  const { openSessions, expiresAt } = seen;
  if (openSessions.length > 0) {
    const quiet = openSessions.every((s) => now.getTime() - s.lastEventAt.getTime() >= ABANDONED_AFTER_MS);
    return quiet ? 'abandoned' : null;
  }
  return expiresAt && expiresAt <= now ? 'expired' : null;
}

function interval(state: RecordingState, seen: PollSeen, now: Date, fastestMs: number): number {
  const slowest = Math.max(fastestMs, SLOWEST_MS);
  if (seen.kind === 'failed') return Math.min(slowest, fastestMs * 2 ** (state.failures + 1));
  if (seen.kind === 'answer' && seen.openSessions.length > 0) return fastestMs;
  const lastChange = seen.kind === 'answer' && seen.changed ? now : state.lastChangeAt;
  const quietMs = now.getTime() - lastChange.getTime();
  return Math.min(slowest, Math.max(fastestMs, quietMs / 2));
}
