import { createMiddleware } from 'hono/factory';
import type { ApiKeyScope } from '../../shared/schemas/api-keys';
import type { AppEnv } from '../app-env';
import type { Counters } from '../counters/counters';
import { clientAddress } from '../middleware/peer-address';
import { createSignInThrottle, type SignInThrottle } from '../middleware/sign-in-throttle';
import { signInThrottleKeys } from '../middleware/sign-in-throttle-keys';
import type { TrustedProxies } from '../middleware/trusted-proxies';
import { respondWithProxyError } from '../proxy-error-response';
import type { Store } from '../store/store';

// Machine clients (an integrating team's backend, an MCP client) call the endpoints made for them
// with an API key instead of a user's sign-in: `Authorization: Bearer lti_…`. A key opens only the
// routes that ask for one of its scopes with requireApiKey, and nothing else: it is not a user, so
// c.get('user') stays unset and the user sign-in (middleware/access-control.ts) refuses it.
//
// How to use it: build one guard per app (createApp does: apiKeyGuard(store, counters, ...)), and
// register the routes for machine clients BEFORE app.use(accessControl(...)) in app.ts, each behind
// requireApiKey(guard, scope); registered after it, the user sign-in would refuse the key first.
// Those routes are also ahead of the /api guards registered after access control (rate limit per
// user, JSON only, body size limit): add the ones they need themselves.
//
// Every key is read from the store on each request (no cache), so revoking a key stops it at once
// on every instance sharing the store. Wrong keys are counted per client address where wrong
// passwords are (counters/counters.ts: memory, or Redis for all instances), and once an address
// has made too many it is refused for the rest of the minute, right keys included.

export type ApiKeyGuard = {
  store: Store | undefined;
  wrongKeys: SignInThrottle;
  trustedProxies: TrustedProxies;
};

export function apiKeyGuard(
  store: Store | undefined,
  counters: Counters,
  trustedProxies: TrustedProxies,
): ApiKeyGuard {
  return { store, wrongKeys: createSignInThrottle(counters, 'api-key'), trustedProxies };
}

const REALM = 'Bearer realm="Link Token Inspector"';

// Lets the request through only with a working key that holds `scope`; the handler reads the key
// with c.get('apiKey').
export function requireApiKey(guard: ApiKeyGuard, scope: ApiKeyScope) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = bearerToken(c.req.header('Authorization'));
    if (key === undefined) {
      c.header('WWW-Authenticate', REALM);
      return respondWithProxyError(
        c,
        'UNAUTHORIZED',
        'This endpoint is for machine clients: send an API key as "Authorization: Bearer lti_…" (a signed-in user makes one under API keys).',
      );
    }
    const { store } = guard;
    if (!store) {
      return respondWithProxyError(
        c,
        'STORE_UNAVAILABLE',
        'API keys live in the inspector’s store, and this server runs without one.',
      );
    }
    // Read first, counted only when wrong: a key is 256 random bits, so guesses sent at once
    // slipping past the count cannot find one; the limit bounds the store reads they cost.
    const throttleKeys = signInThrottleKeys(clientAddress(c, guard.trustedProxies), undefined);
    const waitSeconds = await guard.wrongKeys.retryAfterSeconds(throttleKeys);
    if (waitSeconds !== undefined) {
      c.header('Retry-After', String(waitSeconds));
      return respondWithProxyError(
        c,
        'RATE_LIMITED',
        `Too many wrong API keys from this address. Try again in ${waitSeconds} s.`,
      );
    }

    let record;
    try {
      record = await store.apiKeys.find(key);
    } catch {
      return respondWithProxyError(
        c,
        'STORE_UNAVAILABLE',
        'The store that holds API keys cannot be reached right now; try again in a moment.',
      );
    }
    if (record === undefined || record.revokedAt !== null) {
      await guard.wrongKeys.reserve(throttleKeys);
      c.get('log').warn(
        { audit: 'api_key.refused', reason: record ? 'revoked' : 'unknown', api_key_id: record?.id },
        'API key refused',
      );
      c.header('WWW-Authenticate', `${REALM}, error="invalid_token"`);
      return respondWithProxyError(
        c,
        'UNAUTHORIZED',
        record
          ? `This API key was revoked at ${record.revokedAt!.toISOString()}; ask for a new one.`
          : 'This API key is not one this inspector made: check that it was copied whole, or make a new one under API keys.',
      );
    }
    if (!record.scopes.includes(scope)) {
      c.get('log').warn(
        {
          audit: 'api_key.refused',
          reason: 'scope',
          api_key_id: record.id,
          api_key_name: record.name,
          scope,
        },
        'API key refused',
      );
      c.header('WWW-Authenticate', `${REALM}, error="insufficient_scope", scope="${scope}"`);
      return respondWithProxyError(
        c,
        'MISSING_SCOPE',
        `The API key "${record.name}" has the scopes ${record.scopes.join(', ')}; this endpoint needs ${scope}. Use a key made with ${scope}.`,
      );
    }

    c.set('apiKey', { id: record.id, name: record.name, scopes: record.scopes });
    c.get('log').info(
      { audit: 'api_key.use', api_key_id: record.id, api_key_name: record.name, scope },
      'API key used',
    );
    // Counted and logged by the store if it fails; the request need not wait for it.
    void store.apiKeys.markUsed(record.id).catch(() => {});
    await next();
  });
}

// The token of "Authorization: Bearer <token>" (the scheme in any letter case), or undefined.
function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  return match?.[1];
}
