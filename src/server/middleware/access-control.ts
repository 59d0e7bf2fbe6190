import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { auth as readBasicCredentials } from 'hono/utils/basic-auth';
import { bcryptOnWorkers } from '../auth/bcrypt-workers';
import { createPasswordVerifier, type PasswordVerifier, type SignInAttempt } from '../auth/password-verifier';
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
      return basicAuthentication(
        createPasswordVerifier(access.users, bcryptOnWorkers),
        trustedProxies,
        counters,
      );
    case 'trusted-header':
      return trustedHeaderAuthentication(access.header, trustedProxies);
  }
}

// What became of one sign-in attempt.
type Outcome =
  | { kind: 'signed-in' }
  | { kind: 'wrong-password' }
  | { kind: 'throttled'; retryAfterSeconds: number }
  | { kind: 'busy' };

// Exported for tests, which count the bcrypt checks `verifier` runs.
export function basicAuthentication(
  verifier: PasswordVerifier,
  trustedProxies: TrustedProxies,
  counters: Counters,
) {
  const throttle = createSignInThrottle(counters, 'sign-in');
  // A browser loading the app sends several requests at once with the same new credentials:
  // identical attempts from one address share one check, and cost one count, not one each.
  const inFlight = new Map<string, Promise<Outcome>>();

  async function checkPassword(attempt: SignInAttempt, keys: readonly string[]): Promise<Outcome> {
    const reservation = await throttle.reserve(keys);
    if (!reservation.ok) return { kind: 'throttled', retryAfterSeconds: reservation.retryAfterSeconds };
    let verdict: boolean | 'busy';
    try {
      verdict = await verifier.check(attempt);
    } catch (error) {
      await reservation.giveBack();
      throw error;
    }
    // The right password gives its count back. A check the bcrypt workers were too busy to run
    // keeps it, or a burst could retry its way through the limit while the workers are full.
    if (verdict === true) await reservation.giveBack();
    if (verdict === 'busy') return { kind: 'busy' };
    return verdict ? { kind: 'signed-in' } : { kind: 'wrong-password' };
  }

  async function outcomeOf(attempt: SignInAttempt, keys: readonly string[]): Promise<Outcome> {
    // A password that passed before costs no check, but is still refused while its keys are over
    // the limit: otherwise guesses sent at once could each be compared with it for free.
    if (attempt.remembered) {
      const waitSeconds = await throttle.retryAfterSeconds(keys);
      return waitSeconds === undefined
        ? { kind: 'signed-in' }
        : { kind: 'throttled', retryAfterSeconds: waitSeconds };
    }
    const sameAttempt = `${keys[0]} ${attempt.fingerprint.toString('base64')}`;
    let outcome = inFlight.get(sameAttempt);
    if (outcome === undefined) {
      outcome = checkPassword(attempt, keys).finally(() => inFlight.delete(sameAttempt));
      inFlight.set(sameAttempt, outcome);
    }
    return outcome;
  }

  return createMiddleware<Env>(async (c, next) => {
    const credentials = readBasicCredentials(c.req.raw);
    // The browser's first request carries no credentials, and counts for nothing.
    if (credentials) {
      const keys = signInThrottleKeys(clientAddress(c, trustedProxies), credentials.username);
      const outcome = await outcomeOf(verifier.attempt(credentials.username, credentials.password), keys);
      switch (outcome.kind) {
        case 'signed-in':
          c.set('user', credentials.username);
          await next();
          return;
        case 'throttled':
          c.header('Retry-After', String(outcome.retryAfterSeconds));
          return refuseRequest(
            c,
            'RATE_LIMITED',
            `Too many wrong passwords for this user name or from this address. Try again in ${outcome.retryAfterSeconds} s.`,
          );
        case 'busy':
          c.header('Retry-After', '1');
          return refuseRequest(
            c,
            'SERVER_BUSY',
            'The server is checking too many passwords at once. Try again in a second.',
          );
        case 'wrong-password':
          break;
      }
    }
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
