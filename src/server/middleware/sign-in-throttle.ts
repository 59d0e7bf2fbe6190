import type { ClientRateLimitInfo } from 'hono-rate-limiter';
import type { Counters } from '../counters/counters';

const WINDOW_MS = 60_000;
// Password checks allowed per key (client address, user name) per minute: plenty for a person
// mistyping.
export const FAILED_SIGN_INS_PER_MINUTE = 10;

// Room for one password check under every key of a sign-in, or how long until there is.
export type Reservation = { ok: true; giveBack(): Promise<void> } | { ok: false; retryAfterSeconds: number };

export type SignInThrottle = {
  // Seconds until a sign-in counted under these keys may be tried again, or undefined when it may
  // be tried now. Reads the counts only: for passwords that passed before, which cost no check.
  retryAfterSeconds(keys: readonly string[]): Promise<number | undefined>;
  // Counts a password check under every key before it runs, so that checks running at once count
  // each other. Refused (and given back) when a key is over the limit.
  reserve(keys: readonly string[]): Promise<Reservation>;
};

// Each password check costs bcrypt time on purpose. Counting checks per key (which keys:
// sign-in-throttle-keys.ts) and refusing further ones once any key had too many bounds both
// password guessing and the CPU an attacker can make the server burn. A check is counted before it
// runs and given back when the password was right, so only wrong passwords stay counted and people
// who signed in are never slowed down.
// The counts are kept where `counters` keeps them (memory, or Redis shared by every instance, where
// each count is one atomic INCR).
// `name` keeps apart what is counted: wrong passwords ('sign-in'), wrong API keys ('api-key').
export function createSignInThrottle(counters: Counters, name: string): SignInThrottle {
  const checks = counters.store(name, WINDOW_MS);

  return {
    async retryAfterSeconds(keys) {
      const entries = await Promise.all(keys.map((key) => checks.get(key)));
      return waitSeconds(entries, (hits) => hits >= FAILED_SIGN_INS_PER_MINUTE);
    },
    async reserve(keys) {
      const entries = await Promise.all(keys.map((key) => checks.increment(key)));
      const giveBack = async () => {
        await Promise.all(keys.map((key) => checks.decrement(key)));
      };
      const wait = waitSeconds(entries, (hits) => hits > FAILED_SIGN_INS_PER_MINUTE);
      if (wait === undefined) return { ok: true, giveBack };
      await giveBack();
      return { ok: false, retryAfterSeconds: wait };
    },
  };
}

// Seconds until the last window of the counts that are over the limit ends, or undefined when none
// is.
function waitSeconds(
  entries: readonly (ClientRateLimitInfo | undefined)[],
  isOver: (hits: number) => boolean,
): number | undefined {
  const now = Date.now();
  let waitMs = 0;
  for (const entry of entries) {
    const windowEnds = entry?.resetTime?.getTime() ?? 0;
    if (entry !== undefined && isOver(entry.totalHits) && windowEnds > now)
      waitMs = Math.max(waitMs, windowEnds - now);
  }
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : undefined;
}
