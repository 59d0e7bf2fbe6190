import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProxyError } from '../../shared/schemas/proxy-error';
import {
  RecordingSchema,
  RecordingsResponseSchema,
  RecordingListSchema,
} from '../../shared/schemas/recordings';
import { createApp } from '../app';
import { loadConfig } from '../config';
import type { ApiKeyScope } from '../../shared/schemas/api-keys';
import { openStore, type Store } from '../store/store';
import { startBackend, type TestBackend } from '../store/test-backends';
import { captureLogs } from '../testing/log-capture';
import { REGISTRATIONS_PER_KEY_PER_MINUTE } from './recordings';

// /api/recordings in-process (app.request), against a store on PGlite: who may register and read,
// what each token sent becomes, and the refusals a machine client can meet.

let backend: TestBackend;
let store: Store;
let app: ReturnType<typeof appWith>;
beforeAll(async () => {
  backend = await startBackend('pglite');
  store = await openStore({ location: backend.location, retentionDays: 30 }, pino({ level: 'silent' }));
  app = appWith();
}, 60_000);
afterAll(async () => {
  await store?.close();
  await backend?.done();
});

let tokenNumber = 0;
function newToken(environment = 'sandbox'): string {
  tokenNumber += 1;
  return `link-${environment}-22222222-0000-4000-8000-${String(tokenNumber).padStart(12, '0')}`;
}

// A server that holds Plaid credentials for Sandbox only.
function appWith() {
  const logs = captureLogs();
  const config = loadConfig({
    PLAID_UPSTREAM: 'plaid',
    PLAID_CLIENT_ID: 'server-client-id',
    PLAID_SECRET_SANDBOX: 'server-sandbox-secret',
  });
  const app = createApp(
    { ...config, clientDir: 'src/server/testing' },
    { store, logger: pino(logs.destination) },
  );
  return Object.assign(app, { logs });
}

async function newKey(
  scopes: ApiKeyScope[] = ['recordings:write', 'recordings:read'],
  name = 'shop backend',
) {
  const { key, record } = await store.apiKeys.create({ name, scopes, createdBy: 'ana' });
  return { key, id: record.id };
}

function register(key: string, body: unknown) {
  return app.request('/api/recordings', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
function read(key: string, linkToken: string) {
  return app.request(`/api/recordings/${linkToken}`, { headers: { Authorization: `Bearer ${key}` } });
}
const errorOf = async (response: Response) => (await response.json()) as ProxyError;

describe('POST /api/recordings', () => {
  it('registers a token once, however often it is sent', async () => {
    const { key } = await newKey();
    const token = newToken();
    const first = await register(key, { link_token: token });
    expect(first.status).toBe(200);
    expect(RecordingsResponseSchema.parse(await first.json())).toEqual({
      results: [{ index: 0, link_token: token, outcome: 'registered' }],
      registered: 1,
      refused: 0,
    });
    const again = RecordingsResponseSchema.parse(await (await register(key, { link_token: token })).json());
    expect(again.results).toEqual([{ index: 0, link_token: token, outcome: 'already registered' }]);
    expect(app.logs.lines()).toContainEqual(
      expect.objectContaining({
        audit: 'recordings.register',
        link_tokens: [token],
        api_key_name: 'shop backend',
      }),
    );
  });

  it('answers for each token of a list, in order, and never repeats a secret sent by mistake', async () => {
    const { key } = await newKey();
    const [good, production] = [newToken(), newToken('production')];
    const accessToken = 'access-sandbox-8ab976e6-64bc-4b38-98f7-731e7a349970';
    const response = await register(key, { link_tokens: [good, accessToken, 'hello', production, good] });
    expect(response.status).toBe(200);
    const body = RecordingsResponseSchema.parse(await response.json());
    expect(body.results.map((result) => [result.index, result.outcome])).toEqual([
      [0, 'registered'],
      [1, 'refused'],
      [2, 'refused'],
      [3, 'refused'],
      [4, 'registered'],
    ]);
    expect(body.results[1]).toMatchObject({ error_code: 'WRONG_TOKEN_TYPE' });
    expect(body.results[2]).toMatchObject({ error_code: 'MALFORMED_LINK_TOKEN' });
    // The recorder asks with the server's credentials, and this server has none for Production.
    expect(body.results[3]).toMatchObject({ error_code: 'MISSING_CREDENTIALS' });
    expect(body).toMatchObject({ registered: 1, refused: 3 });
    expect(JSON.stringify(body)).not.toContain(accessToken);
  });

  it('refuses a single token that is not a link token with its own error', async () => {
    const { key } = await newKey();
    const response = await register(key, {
      link_token: 'public-sandbox-8ab976e6-64bc-4b38-98f7-731e7a349970',
    });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ error_code: 'WRONG_TOKEN_TYPE' });
  });

  it.each([
    ['malformed JSON', '{"link_token": '],
    ['neither field', { token: 'x' }],
    ['an empty list', { link_tokens: [] }],
    ['more than 100 tokens', { link_tokens: Array.from({ length: 101 }, () => newToken()) }],
  ])('refuses %s with an example of what to send', async (_name, body) => {
    const { key } = await newKey();
    const response = await register(key, body);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.error_code).toBe('INVALID_BODY');
    expect(error.error_message).toContain('{"link_tokens": ["link-…", …]}');
  });

  it('caps the new tokens a key registers in a minute, and registers nothing of the request past it', async () => {
    const { key, id } = await newKey();
    for (let sent = 0; sent < REGISTRATIONS_PER_KEY_PER_MINUTE; sent += 100) {
      const batch = Array.from({ length: Math.min(100, REGISTRATIONS_PER_KEY_PER_MINUTE - sent) }, () =>
        newToken(),
      );
      expect((await register(key, { link_tokens: batch })).status).toBe(200);
    }
    const over = newToken();
    const response = await register(key, { link_token: over });
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe('60');
    expect((await errorOf(response)).error_message).toContain(
      `at most ${REGISTRATIONS_PER_KEY_PER_MINUTE} a minute`,
    );
    expect(await store.recordings.read(id, [over])).toEqual([]);
    // Another key is not held up by this one.
    expect((await register((await newKey()).key, { link_token: newToken() })).status).toBe(200);
  });

  it('refuses a call without a key, with a revoked key, and with a key lacking recordings:write', async () => {
    const token = newToken();
    const anonymous = await app.request('/api/recordings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ link_token: token }),
    });
    expect(anonymous.status).toBe(401);

    const revoked = await newKey();
    await store.apiKeys.revoke(revoked.id, 'ana');
    const withRevoked = await register(revoked.key, { link_token: token });
    expect(withRevoked.status).toBe(401);
    expect((await errorOf(withRevoked)).error_message).toContain('revoked');

    const readOnly = await newKey(['recordings:read']);
    const underScoped = await register(readOnly.key, { link_token: token });
    expect(underScoped.status).toBe(403);
    expect(await errorOf(underScoped)).toMatchObject({ error_code: 'MISSING_SCOPE' });
    expect(await store.recordings.read(readOnly.id, [token])).toEqual([]);
  });
});

describe('GET /api/recordings', () => {
  it("shows a key its own registrations' recordings, and no other key's", async () => {
    const mine = await newKey();
    const theirs = await newKey();
    const token = newToken();
    await register(mine.key, { link_token: token });

    const own = await read(mine.key, token);
    expect(own.status).toBe(200);
    expect(RecordingSchema.parse(await own.json())).toMatchObject({
      link_token: token,
      environment: 'sandbox',
      state: 'recording',
      stop_reason: null,
      polls: 0,
      sessions: [],
    });
    const other = await read(theirs.key, token);
    expect(other.status).toBe(404);
    expect((await errorOf(other)).error_message).toContain('has not registered this token');
  });

  it('reads a list of tokens, leaving out those the key did not register', async () => {
    const { key } = await newKey();
    const [a, b, notMine] = [newToken(), newToken(), newToken()];
    await register(key, { link_tokens: [a, b] });
    const response = await app.request(
      `/api/recordings?link_token=${a}&link_token=${b}&link_token=${notMine}`,
      {
        headers: { Authorization: `Bearer ${key}` },
      },
    );
    expect(response.status).toBe(200);
    const list = RecordingListSchema.parse(await response.json());
    expect(list.recordings.map((recording) => recording.link_token).sort()).toEqual([a, b].sort());
  });

  it('needs recordings:read', async () => {
    const writeOnly = await newKey(['recordings:write']);
    const token = newToken();
    await register(writeOnly.key, { link_token: token });
    const response = await read(writeOnly.key, token);
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toMatchObject({ error_code: 'MISSING_SCOPE' });
  });

  it('refuses what is not a link token', async () => {
    const { key } = await newKey();
    const response = await read(key, 'not-a-token');
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ error_code: 'MALFORMED_LINK_TOKEN' });
  });
});
