import { createMiddleware } from 'hono/factory';
import { auth as readBasicCredentials } from 'hono/utils/basic-auth';
import { createPasswordVerifier } from '../auth/password-verifier';
import type { Counters } from '../counters/counters';
import { refuseRequest } from '../proxy-error-response';
import type { SecurityVariables } from './context';
import { isTrustedProxy } from './peer-address';
import { createSignInThrottle, type SignInThrottle } from './sign-in-throttle';
import type { TrustedProxies } from './trusted-proxies';

// Who may use the server. On loopback nobody else can reach it, so "none" is allowed there only
// (config refuses any other HOST without access control).
export type AccessControl =
  | { kind: 'none' }
  // Users with bcrypt password hashes (AUTH_USERS), checked with HTTP basic auth so that the
  // browser's own sign-in prompt is the login form.
  | { kind: 'basic'; users: ReadonlyMap<string, string> }
  // An SSO reverse proxy signs people in and names them in a header (AUTH_TRUSTED_HEADER). The
  // header is believed only on connections from the proxy's own addresses (TRUSTED_PROXIES):
  // anyone else could simply send it.
  | { kind: 'trusted-header'; header: string };

type Env = { Variables: SecurityVariables };

// The name attributed to every request when no access control is configured.
export const LOCAL_USER = 'local';

// `counters` keep the sign-in throttle's counts (see counters/counters.ts).
export function accessControl(access: AccessControl, trustedProxies: TrustedProxies, counters: Counters) {
  switch (access.kind) {
    case 'none':
      return createMiddleware<Env>(async (c, next) => {
        c.set('user', LOCAL_USER);
        await next();
      });
    case 'basic':
      return basicAuthentication(access.users, createSignInThrottle(trustedProxies, counters));
    case 'trusted-header':
      return trustedHeaderAuthentication(access.header, trustedProxies);
  }
}

function basicAuthentication(users: ReadonlyMap<string, string>, throttle: SignInThrottle) {
  const verifyPassword = createPasswordVerifier(users);
  return createMiddleware<Env>(async (c, next) => {
    const waitSeconds = await throttle.retryAfterSeconds(c);
    if (waitSeconds !== undefined) {
      c.header('Retry-After', String(waitSeconds));
      return refuseRequest(
        c,
        'RATE_LIMITED',
        `Too many wrong passwords from this address. Try again in ${waitSeconds} s.`,
      );
    }
    const credentials = readBasicCredentials(c.req.raw);
    if (credentials && (await verifyPassword(credentials.username, credentials.password))) {
      c.set('user', credentials.username);
      await next();
      return;
    }
    // The browser's first request carries no credentials: only a wrong password counts.
    if (credentials) await throttle.recordFailure(c);
    // This header makes the browser show its own sign-in prompt.
    c.header('WWW-Authenticate', 'Basic realm="Link Token Inspector", charset="UTF-8"');
    return refuseRequest(
      c,
      'UNAUTHORIZED',
      'Sign in with your Link Token Inspector user name and password (reload the page to be asked again).',
    );
  });
}

function trustedHeaderAuthentication(header: string, trustedProxies: TrustedProxies) {
  return createMiddleware<Env>(async (c, next) => {
    const user = c.req.header(header)?.trim();
    if (user && isTrustedProxy(c, trustedProxies)) {
      c.set('user', user);
      await next();
      return;
    }
    return refuseRequest(
      c,
      'UNAUTHORIZED',
      'This server only answers requests that come through the company sign-in proxy. Open it through that address.',
    );
  });
}
