import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { auth as readBasicCredentials } from 'hono/utils/basic-auth';
import { createPasswordVerifier } from '../auth/password-verifier';
import type { Counters } from '../counters/counters';
import { refuseRequest } from '../proxy-error-response';
import type { SecurityVariables } from './context';
import { clientAddress, isTrustedProxy } from './peer-address';
import { createSignInThrottle } from './sign-in-throttle';
import { signInThrottleKeys } from './sign-in-throttle-keys';
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
      return basicAuthentication(access.users, trustedProxies, counters);
    case 'trusted-header':
      return trustedHeaderAuthentication(access.header, trustedProxies);
  }
}

function basicAuthentication(
  users: ReadonlyMap<string, string>,
  trustedProxies: TrustedProxies,
  counters: Counters,
) {
  const verifyPassword = createPasswordVerifier(users);
  const throttle = createSignInThrottle(counters);
  return createMiddleware<Env>(async (c, next) => {
    const credentials = readBasicCredentials(c.req.raw);
    const throttleKeys = signInThrottleKeys(clientAddress(c, trustedProxies), credentials?.username);
    const waitSeconds = await throttle.retryAfterSeconds(throttleKeys);
    if (waitSeconds !== undefined) {
      c.header('Retry-After', String(waitSeconds));
      return refuseRequest(
        c,
        'RATE_LIMITED',
        `Too many wrong passwords for this user name or from this address. Try again in ${waitSeconds} s.`,
      );
    }
    if (credentials && (await verifyPassword(credentials.username, credentials.password))) {
      c.set('user', credentials.username);
      await next();
      return;
    }
    // The browser's first request carries no credentials: only a wrong password counts.
    if (credentials) await throttle.recordFailure(throttleKeys);
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
    const names = headerValues(c, header);
    // A proxy that adds its header to the one the browser sent, rather than replacing it, passes
    // on two: taken together they would make up a user ("alice, bob"), and either may be forged.
    if (names.length > 1) {
      return refuseRequest(
        c,
        'UNAUTHORIZED',
        `The request names more than one user (more than one ${header} header). The sign-in proxy must replace that header, not add to it.`,
      );
    }
    const user = names[0]?.trim();
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

// Each value of a header the request carries, repeated ones apart (c.req.header() joins them with
// ", "). Read from Node's request: in-process test requests have none, and no trusted peer either.
function headerValues(c: Context<Env>, name: string): string[] {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  return incoming?.headersDistinct[name.toLowerCase()] ?? [];
}
