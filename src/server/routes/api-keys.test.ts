import bcrypt from 'bcryptjs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS } from '../../shared/api-paths';
import {
  ApiKeyCreatedSchema,
  ApiKeyListSchema,
  ApiKeySummarySchema,
  type ApiKeyCreated,
} from '../../shared/schemas/api-keys';
import type { ProxyError } from '../../shared/schemas/proxy-error';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { openStore, type Store } from '../store/store';
import { startBackend, type TestBackend } from '../store/test-backends';
import { captureLogs } from '../testing/log-capture';

// /api/keys in the whole app: a signed-in user makes, lists and revokes keys; a key itself opens
// none of the user's API.

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

const ALICE = `Basic ${Buffer.from('alice:alice-password').toString('base64')}`;
const users = `alice:${bcrypt.hashSync('alice-password', 10)}`;

function appWith(env: Record<string, string>, withStore: Store | undefined) {
  const logs = captureLogs();
  const app = createApp(
    { ...loadConfig(env), clientDir: 'src/server/testing' },
    { store: withStore, logger: pino(logs.destination) },
  );
  return Object.assign(app, { logs });
}
type TestApp = ReturnType<typeof appWith>;

const browser = { 'Sec-Fetch-Site': 'same-origin' };

function createKey(app: TestApp, body: unknown, headers: Record<string, string> = {}) {
  return app.request(API_PATHS.apiKeys, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...browser, ...headers },
    body: JSON.stringify(body),
  });
}

async function errorOf(response: Response): Promise<ProxyError> {
  return (await response.json()) as ProxyError;
}

describe('API keys for a signed-in user', () => {
  let app: TestApp;
  beforeAll(() => {
    app = appWith({ AUTH_USERS: users }, store);
  });
  afterAll(() => app.close());

  it('makes a key shown once, lists it without the key, revokes it, and audits both without the key', async () => {
    const response = await createKey(
      app,
      { name: '  billing backend ', scopes: ['recordings:write', 'recordings:read'] },
      { Authorization: ALICE },
    );
    expect(response.status).toBe(201);
    const created: ApiKeyCreated = ApiKeyCreatedSchema.parse(await response.json());
    expect(created).toMatchObject({
      name: 'billing backend',
      scopes: ['recordings:write', 'recordings:read'],
      created_by: 'alice',
      last_used_at: null,
      revoked_at: null,
    });
    expect(created.key).toMatch(/^lti_/);

    const list = await app.request(API_PATHS.apiKeys, { headers: { Authorization: ALICE } });
    expect(list.status).toBe(200);
    const listText = await list.text();
    expect(listText).not.toContain(created.key);
    const listed = ApiKeyListSchema.parse(JSON.parse(listText));
    expect(listed.sign_in).toBe(true);
    expect(listed.keys).toContainEqual({ ...created, key: undefined });

    const revoked = await app.request(`${API_PATHS.apiKeys}/${created.id}`, {
      method: 'DELETE',
      headers: { Authorization: ALICE, ...browser },
    });
    expect(revoked.status).toBe(200);
    expect(ApiKeySummarySchema.parse(await revoked.json())).toMatchObject({
      id: created.id,
      revoked_by: 'alice',
      revoked_at: expect.any(String),
    });
    expect(await store.apiKeys.find(created.key)).toMatchObject({ revokedBy: 'alice' });

    const audits = app.logs.lines().filter((line) => typeof line.audit === 'string');
    expect(audits).toContainEqual(
      expect.objectContaining({ audit: 'api_key.create', user: 'alice', api_key_id: created.id }),
    );
    expect(audits).toContainEqual(
      expect.objectContaining({ audit: 'api_key.revoke', user: 'alice', api_key_id: created.id }),
    );
    expect(app.logs.text()).not.toContain(created.key);
  });

  it('refuses a name or scopes it cannot use with a JSON error naming the scopes', async () => {
    for (const body of [
      { name: '', scopes: ['mcp'] },
      { name: 'x'.repeat(101), scopes: ['mcp'] },
      { name: 'ok', scopes: [] },
      { name: 'ok', scopes: ['admin'] },
      { name: 'ok', scopes: ['mcp', 'mcp'] },
      { name: 'ok' },
    ]) {
      const response = await createKey(app, body, { Authorization: ALICE });
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.error_code).toBe('INVALID_BODY');
      expect(error.error_message).toContain('recordings:write, recordings:read, mcp');
    }
  });

  it('answers 404 for revoking a key that does not exist', async () => {
    const response = await app.request(`${API_PATHS.apiKeys}/no-such-key`, {
      method: 'DELETE',
      headers: { Authorization: ALICE, ...browser },
    });
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toMatchObject({ error_code: 'NOT_FOUND' });
  });

  it('refuses a revocation sent by another site (CSRF)', async () => {
    const { record } = await store.apiKeys.create({ name: 'kept', scopes: ['mcp'], createdBy: 'alice' });
    const response = await app.request(`${API_PATHS.apiKeys}/${record.id}`, {
      method: 'DELETE',
      headers: { Authorization: ALICE, 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(response.status).toBe(403);
    expect((await store.apiKeys.list()).find((key) => key.id === record.id)?.revokedAt).toBeNull();
  });

  it('does not take an API key for a signed-in user: not to manage keys, not for lookups', async () => {
    const { key } = await store.apiKeys.create({
      name: 'all scopes',
      scopes: ['recordings:write', 'recordings:read', 'mcp'],
      createdBy: 'alice',
    });
    const bearer = { Authorization: `Bearer ${key}` };
    const list = await app.request(API_PATHS.apiKeys, { headers: bearer });
    expect(list.status).toBe(401);
    expect(list.headers.get('WWW-Authenticate')).toContain('Basic');
    expect((await createKey(app, { name: 'more', scopes: ['mcp'] }, bearer)).status).toBe(401);
    const lookup = await app.request(API_PATHS.linkTokenGet, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...browser, ...bearer },
      body: JSON.stringify({ link_token: 'link-sandbox-af1a0311-da53-4636-b754-dd15cc058176' }),
    });
    expect(lookup.status).toBe(401);
    const page = await app.request('/?view=keys', { headers: bearer });
    expect(page.status).toBe(401);
  });
});

describe('API keys behind an SSO proxy (AUTH_TRUSTED_HEADER)', () => {
  it('does not take an API key in place of the proxy’s user header', async () => {
    const app = appWith({ AUTH_TRUSTED_HEADER: 'X-Forwarded-User', TRUSTED_PROXIES: '10.0.0.1' }, store);
    const { key } = await store.apiKeys.create({ name: 'sso', scopes: ['mcp'], createdBy: 'alice' });
    const response = await app.request(API_PATHS.apiKeys, { headers: { Authorization: `Bearer ${key}` } });
    expect(response.status).toBe(401);
    await app.close();
  });
});

describe('API keys without sign-in or without a store', () => {
  it('says the server has no sign-in, and keys are made by "local"', async () => {
    const app = appWith({}, store);
    const created = ApiKeyCreatedSchema.parse(
      await (await createKey(app, { name: 'dev', scopes: ['mcp'] })).json(),
    );
    expect(created.created_by).toBe('local');
    const listed = ApiKeyListSchema.parse(await (await app.request(API_PATHS.apiKeys)).json());
    expect(listed.sign_in).toBe(false);
    await app.close();
  });

  it('answers 503 STORE_UNAVAILABLE, saying keys need the store', async () => {
    const app = appWith({}, undefined);
    for (const response of [
      await app.request(API_PATHS.apiKeys),
      await createKey(app, { name: 'dev', scopes: ['mcp'] }),
    ]) {
      expect(response.status).toBe(503);
      const error = await errorOf(response);
      expect(error.error_code).toBe('STORE_UNAVAILABLE');
      expect(error.error_message).toContain('DATABASE_URL');
    }
    await app.close();
  });
});
