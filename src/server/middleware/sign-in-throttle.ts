import type { Context } from 'hono';
import { isTrustedProxy, normaliseAddress, peerAddress } from './peer-address';
import type { TrustedProxies } from './trusted-proxies';

const WINDOW_MS = 60_000;
// Wrong passwords allowed per client address per minute: plenty for a person mistyping.
export const FAILED_SIGN_INS_PER_MINUTE = 10;

export type SignInThrottle = {
  // Seconds until this client may try again, or undefined when it may try now.
  retryAfterSeconds(c: Context): number | undefined;
  recordFailure(c: Context): void;
};

// Each wrong password costs bcrypt time on purpose. Counting wrong passwords per client address,
// and refusing further attempts before bcrypt runs once there were too many, bounds both password
// guessing and the CPU an attacker can make the server burn. Only failures are counted, so people
// who signed in are never slowed down, however many requests their browser sends at once.
export function createSignInThrottle(trustedProxies: TrustedProxies): SignInThrottle {
  const failures = new Map<string, { count: number; windowEnds: number }>();
  const keyOf = (c: Context) => clientAddress(c, trustedProxies) ?? 'unknown';

  return {
    retryAfterSeconds(c) {
      const entry = failures.get(keyOf(c));
      if (!entry || entry.windowEnds <= Date.now() || entry.count < FAILED_SIGN_INS_PER_MINUTE)
        return undefined;
      return Math.ceil((entry.windowEnds - Date.now()) / 1000);
    },
    recordFailure(c) {
      const now = Date.now();
      const key = keyOf(c);
      const entry = failures.get(key);
      if (entry && entry.windowEnds > now) entry.count += 1;
      else failures.set(key, { count: 1, windowEnds: now + WINDOW_MS });
      // Forget finished windows now and then, so the map stays as small as the current attackers.
      if (failures.size > 1000) {
        for (const [address, { windowEnds }] of failures) if (windowEnds <= now) failures.delete(address);
      }
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
