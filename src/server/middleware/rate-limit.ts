import { rateLimiter, type RateLimitInfo } from 'hono-rate-limiter';
import type { Counters } from '../counters/counters';
import { respondWithProxyError } from '../proxy-error-response';
import type { SecurityVariables } from './context';

const WINDOW_MS = 60_000;

// Counts API requests per user (the authenticated name; "local" on loopback without access
// control, where every request comes from this machine) in one-minute windows, kept where
// `counters` keeps them (memory, or Redis shared by every instance).
export function rateLimit(perMinute: number, counters: Counters) {
  return rateLimiter<{ Variables: SecurityVariables & { rateLimit: RateLimitInfo } }>({
    windowMs: WINDOW_MS,
    limit: perMinute,
    store: counters.store('rate-limit', WINDOW_MS),
    standardHeaders: 'draft-6',
    keyGenerator: (c) => c.get('user'),
    handler: (c) => {
      const resetTime = c.get('rateLimit').resetTime;
      const seconds = resetTime
        ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000))
        : WINDOW_MS / 1000;
      c.header('Retry-After', String(seconds));
      return respondWithProxyError(
        c,
        'RATE_LIMITED',
        `Too many requests: at most ${perMinute} a minute per user. Try again in ${seconds} s.`,
      );
    },
  });
}
