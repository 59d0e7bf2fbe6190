const WINDOW_MS = 60_000;
// Wrong passwords allowed per key (client address, user name) per minute: plenty for a person
// mistyping.
export const FAILED_SIGN_INS_PER_MINUTE = 10;

export type SignInThrottle = {
  // Seconds until a sign-in counted under these keys may be tried again, or undefined when it may
  // be tried now.
  retryAfterSeconds(keys: readonly string[]): number | undefined;
  recordFailure(keys: readonly string[]): void;
};

// Each wrong password costs bcrypt time on purpose. Counting wrong passwords per key (which keys:
// sign-in-throttle-keys.ts), and refusing further attempts before bcrypt runs once any key had
// too many, bounds both password guessing and the CPU an attacker can make the server burn. Only
// failures are counted, so people who signed in are never slowed down, however many requests
// their browser sends at once.
export function createSignInThrottle(): SignInThrottle {
  const failures = new Map<string, { count: number; windowEnds: number }>();

  return {
    retryAfterSeconds(keys) {
      const now = Date.now();
      let waitMs = 0;
      for (const key of keys) {
        const entry = failures.get(key);
        if (entry && entry.windowEnds > now && entry.count >= FAILED_SIGN_INS_PER_MINUTE)
          waitMs = Math.max(waitMs, entry.windowEnds - now);
      }
      return waitMs > 0 ? Math.ceil(waitMs / 1000) : undefined;
    },
    recordFailure(keys) {
      const now = Date.now();
      for (const key of keys) {
        const entry = failures.get(key);
        if (entry && entry.windowEnds > now) entry.count += 1;
        else failures.set(key, { count: 1, windowEnds: now + WINDOW_MS });
      }
      // Forget finished windows now and then, so the map stays as small as the current attackers.
      if (failures.size > 1000) {
        for (const [key, { windowEnds }] of failures) if (windowEnds <= now) failures.delete(key);
      }
    },
  };
}
