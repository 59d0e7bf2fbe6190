import type { Counters } from '../counters/counters';

const WINDOW_MS = 60_000;
// Wrong passwords allowed per key (client address, user name) per minute: plenty for a person
// mistyping.
export const FAILED_SIGN_INS_PER_MINUTE = 10;

export type SignInThrottle = {
  // Seconds until a sign-in counted under these keys may be tried again, or undefined when it may
  // be tried now.
  retryAfterSeconds(keys: readonly string[]): Promise<number | undefined>;
  recordFailure(keys: readonly string[]): Promise<void>;
};

// Each wrong password costs bcrypt time on purpose. Counting wrong passwords per key (which keys:
// sign-in-throttle-keys.ts), and refusing further attempts before bcrypt runs once any key had
// too many, bounds both password guessing and the CPU an attacker can make the server burn. Only
// failures are counted, so people who signed in are never slowed down, however many requests
// their browser sends at once.
// The counts are kept where `counters` keeps them (memory, or Redis shared by every instance).
export function createSignInThrottle(counters: Counters): SignInThrottle {
  const failures = counters.store('sign-in', WINDOW_MS);

  return {
    async retryAfterSeconds(keys) {
      const entries = await Promise.all(keys.map((key) => failures.get(key)));
      const now = Date.now();
      let waitMs = 0;
      for (const entry of entries) {
        const windowEnds = entry?.resetTime?.getTime() ?? 0;
        if (entry !== undefined && entry.totalHits >= FAILED_SIGN_INS_PER_MINUTE && windowEnds > now)
          waitMs = Math.max(waitMs, windowEnds - now);
      }
      return waitMs > 0 ? Math.ceil(waitMs / 1000) : undefined;
    },
    async recordFailure(keys) {
      await Promise.all(keys.map((key) => failures.increment(key)));
    },
  };
}
