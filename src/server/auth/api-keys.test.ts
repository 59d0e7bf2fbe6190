import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProxyError } from '../../shared/schemas/proxy-error';
import type { AppEnv } from '../app-env';
import { memoryCounters } from '../counters/counters';
import { FAILED_SIGN_INS_PER_MINUTE } from '../middleware/sign-in-throttle';
import { trustedProxyList } from '../middleware/trusted-proxies';
import { requestLogger } from '../observability/request-logger';
import { openStore, type Store } from '../store/store';
import { startBackend, type TestBackend } from '../store/test-backends';
import { captureLogs } from '../testing/log-capture';
import { apiKeyGuard, requireApiKey } from './api-keys';

// requireApiKey on a route of its own, as the routes for machine clients use it: the key in
// Authorization: Bearer, its scopes, revocation, and wrong keys counted per address.

let backend: TestBackend;
let store: Store;
beforeAll(async () => {
  backend = await startBackend('pglite');
  store = await openStore({ location: backend.location, retentionDays: 30 }, pino({ level: 'silent' }));
}, 60_000);
afterAll(async () => {
  await store?.close();
  await backend?.done();
});

function appWith(guardStore: Store | undefined) {
  const logs = captureLogs();
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(requestLogger(pino(logs.destination)));
  const guard = apiKeyGuard(guardStore, memoryCounters(), trustedProxyList([]));
  app.post('/api/recordings', requireApiKey(guard, 'recordings:write'), (c) =>
    c.json({ apiKey: c.get('apiKey'), user: c.get('user') ?? null }),
  );
  return Object.assign(app, { logs });
}

function callWith(app: ReturnType<typeof appWith>, authorization?: string) {
  return app.request('/api/recordings', {
    method: 'POST',
    headers: authorization === undefined ? {} : { Authorization: authorization },
  });
}

async function errorOf(response: Response): Promise<ProxyError> {
  return (await response.json()) as ProxyError;
}

describe('requireApiKey', () => {
  it('lets a key with the scope through, tells the handler which key it is, and audits the use', async () => {
    const { key, record } = await store.apiKeys.create({
      name: 'billing backend',
      scopes: ['recordings:write', 'recordings:read'],
      createdBy: 'ana',
    });
    const app = appWith(store);
    const response = await callWith(app, `Bearer ${key}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      apiKey: { id: record.id, name: 'billing backend', scopes: ['recordings:write', 'recordings:read'] },
      // A key is not a user.
      user: null,
    });
    expect(app.logs.lines()).toContainEqual(
      expect.objectContaining({
        audit: 'api_key.use',
        api_key_id: record.id,
        api_key_name: 'billing backend',
        scope: 'recordings:write',
      }),
    );
    expect(app.logs.text()).not.toContain(key);
    // The scheme in any letter case, as HTTP allows.
    expect((await callWith(app, `bearer ${key}`)).status).toBe(200);
  });

  it('answers 401 with a JSON error when no key is sent, or not as a bearer token', async () => {
    const app = appWith(store);
    for (const authorization of [undefined, 'Basic YWxpY2U6c2VjcmV0', 'Bearer']) {
      const response = await callWith(app, authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="Link Token Inspector"');
      const error = await errorOf(response);
      expect(error).toMatchObject({ error_type: 'PROXY_ERROR', error_code: 'UNAUTHORIZED', status: 401 });
      expect(error.error_message).toContain('Authorization: Bearer');
      expect(error.request_id).toBe(response.headers.get('X-Request-Id'));
    }
  });

  it('answers 401 for a key it did not make', async () => {
    const app = appWith(store);
    const response = await callWith(app, `Bearer lti_${'A'.repeat(43)}`);
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toContain('error="invalid_token"');
    expect((await errorOf(response)).error_message).toContain('not one this inspector made');
    expect(app.logs.lines()).toContainEqual(
      expect.objectContaining({ audit: 'api_key.refused', reason: 'unknown' }),
    );
  });

  it('answers 401 for a revoked key, from the moment it is revoked', async () => {
    const { key, record } = await store.apiKeys.create({
      name: 'leaked',
      scopes: ['recordings:write'],
      createdBy: 'ana',
    });
    const app = appWith(store);
    expect((await callWith(app, `Bearer ${key}`)).status).toBe(200);
    await store.apiKeys.revoke(record.id, 'bob');
    const response = await callWith(app, `Bearer ${key}`);
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toMatchObject({ error_code: 'UNAUTHORIZED' });
    expect((await errorOf(await callWith(app, `Bearer ${key}`))).error_message).toContain('was revoked');
  });

  it('answers 403 MISSING_SCOPE for a working key without the scope, naming the scope needed', async () => {
    const { key } = await store.apiKeys.create({
      name: 'reader',
      scopes: ['recordings:read', 'mcp'],
      createdBy: 'ana',
    });
    const app = appWith(store);
    const response = await callWith(app, `Bearer ${key}`);
    expect(response.status).toBe(403);
    expect(response.headers.get('WWW-Authenticate')).toContain('error="insufficient_scope"');
    const error = await errorOf(response);
    expect(error).toMatchObject({ error_type: 'PROXY_ERROR', error_code: 'MISSING_SCOPE', status: 403 });
    expect(error.error_message).toContain('needs recordings:write');
  });

  it('refuses an address that sent too many wrong keys, even with a right one, and says when to retry', async () => {
    const { key } = await store.apiKeys.create({
      name: 'right',
      scopes: ['recordings:write'],
      createdBy: 'ana',
    });
    const app = appWith(store);
    for (let attempt = 0; attempt < FAILED_SIGN_INS_PER_MINUTE; attempt += 1) {
      expect((await callWith(app, `Bearer lti_wrong-${attempt}`)).status).toBe(401);
    }
    const response = await callWith(app, `Bearer ${key}`);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await errorOf(response)).toMatchObject({ error_code: 'RATE_LIMITED' });
  });

  it('does not count right keys, nor keys lacking a scope, as wrong ones', async () => {
    const { key } = await store.apiKeys.create({
      name: 'busy',
      scopes: ['recordings:write'],
      createdBy: 'ana',
    });
    const { key: reader } = await store.apiKeys.create({ name: 'reader', scopes: ['mcp'], createdBy: 'ana' });
    const app = appWith(store);
    for (let attempt = 0; attempt <= FAILED_SIGN_INS_PER_MINUTE; attempt += 1) {
      expect((await callWith(app, `Bearer ${key}`)).status).toBe(200);
      expect((await callWith(app, `Bearer ${reader}`)).status).toBe(403);
    }
  });

  it('answers 503 STORE_UNAVAILABLE on a server without a store', async () => {
    const response = await callWith(appWith(undefined), `Bearer lti_${'A'.repeat(43)}`);
    expect(response.status).toBe(503);
    expect(await errorOf(response)).toMatchObject({ error_code: 'STORE_UNAVAILABLE' });
  });
});
