import type { Context } from 'hono';
import type { Counters } from '../counters/counters';
import { isTrustedProxy, normaliseAddress, peerAddress } from './peer-address';
import type { TrustedProxies } from './trusted-proxies';

const WINDOW_MS = 60_000;
// Wrong passwords allowed per client address per minute: plenty for a person mistyping.
export const FAILED_SIGN_INS_PER_MINUTE = 10;

export type SignInThrottle = {
  // Seconds until this client may try again, or undefined when it may try now.
  retryAfterSeconds(c: Context): Promise<number | undefined>;
  recordFailure(c: Context): Promise<void>;
};

// Each wrong password costs bcrypt time on purpose. Counting wrong passwords per client address,
// and refusing further attempts before bcrypt runs once there were too many, bounds both password
// guessing and the CPU an attacker can make the server burn. Only failures are counted, so people
// who signed in are never slowed down, however many requests their browser sends at once.
// The counts are kept where `counters` keeps them (memory, or Redis shared by every instance).
export function createSignInThrottle(trustedProxies: TrustedProxies, counters: Counters): SignInThrottle {
  const failures = counters.store('sign-in', WINDOW_MS);
  const keyOf = (c: Context) => clientAddress(c, trustedProxies) ?? 'unknown';

  return {
    async retryAfterSeconds(c) {
      const entry = await failures.get(keyOf(c));
      const windowEnds = entry?.resetTime?.getTime() ?? 0;
      const refused =
        entry !== undefined && entry.totalHits >= FAILED_SIGN_INS_PER_MINUTE && windowEnds > Date.now();
      return refused ? Math.ceil((windowEnds - Date.now()) / 1000) : undefined;
    },
    async recordFailure(c) {
      await failures.increment(keyOf(c));
    },
  };
}

// Behind a trusted reverse proxy every connection comes from the proxy, so the browser's address
// is the one the proxy appended last to X-Forwarded-For.
function clientAddress(c: Context, trustedProxies: TrustedProxies): string | undefined {
  const forwarded = c.req.header('X-Forwarded-For');
  if (forwarded && isTrustedProxy(c, trustedProxies))
    return normaliseAddress(forwarded.split(',').pop()?.trim());
  return peerAddress(c);
}
