import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeptAnswerSchema, KeptBesideSchema, KeptReadResponseSchema } from '../../shared/schemas/kept';
import { makeEvent, makeResponse, makeSession } from '../../shared/test/fixtures';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { openStore, type Store } from '../store/store';
import { startBackend, type TestBackend } from '../store/test-backends';
import { captureLogs } from '../testing/log-capture';
import { json, startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream';

// Lookups with a store (in-process, against a fake Plaid on loopback): what Plaid no longer has
// still shows, kept answers open without Plaid, and a failing store never fails a lookup.

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(() => upstream.close());

let tokenNumber = 0;
function newToken(): string {
  tokenNumber += 1;
  return `link-sandbox-11111111-0000-4000-8000-${String(tokenNumber).padStart(12, '0')}`;
}

function appWith(store: Store, env: Record<string, string> = {}) {
  const logs = captureLogs();
  const config = loadConfig({
    PLAID_UPSTREAM: 'plaid',
    PLAID_CLIENT_ID: 'server-client-id',
    PLAID_SECRET_SANDBOX: 'server-sandbox-secret',
    PLAID_SANDBOX_URL: upstream.url,
    PLAID_PRODUCTION_URL: upstream.url,
    ...env,
  });
  const app = createApp(
    { ...config, clientDir: 'src/server/testing' },
    { store, logger: pino(logs.destination) },
  );
  return Object.assign(app, { logs });
}
type TestApp = ReturnType<typeof appWith>;

function lookup(app: TestApp, linkToken: string) {
  return app.request('/api/link/token/get', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ link_token: linkToken }),
  });
}

const opened = makeEvent({ event_name: 'OPEN', timestamp: '2026-11-25T10:00:01Z' });
const plaidForgot = {
  error_type: 'INVALID_INPUT',
  error_code: 'INVALID_LINK_TOKEN',
  error_message: 'link token not found',
  display_message: null,
  request_id: 'plaid-req-gone',
};

describe('lookups with an embedded store', () => {
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

  it("passes Plaid's answer on as received, with the kept sessions beside it", async () => {
    const token = newToken();
    const app = appWith(store);
    const body = JSON.stringify(
      makeResponse({ link_token: token, link_sessions: [makeSession({ events: [opened] })] }),
    );
    upstream.answerWith(json(200, body));
    const first = await lookup(app, token);
    const text = await first.text();
    expect(text.startsWith(body.slice(0, -1))).toBe(true);
    expect(KeptBesideSchema.parse(JSON.parse(text).kept)).toEqual({
      status: 'queued',
      sessions: [],
      permalink: `/?link_token=${token}&kept=1`,
    });
    await store.idle();

    // Six hours later Plaid answers without the session; the store still has it, labelled.
    upstream.answerWith(json(200, makeResponse({ link_token: token, link_sessions: [], request_id: 'r2' })));
    const later = KeptBesideSchema.parse((await (await lookup(app, token)).json()).kept);
    expect(later.sessions).toHaveLength(1);
    expect(later.sessions?.[0]).toMatchObject({
      source: 'lookup',
      seen_by: 'local',
      session: { events: [opened] },
    });
  });

  it('sends beside the answer only the kept sessions Plaid no longer has', async () => {
    const token = newToken();
    const app = appWith(store);
    const first = makeSession({ link_session_id: 'first-session', events: [opened] });
    const second = makeSession({ link_session_id: 'second-session' });
    upstream.answerWith(
      json(200, JSON.stringify(makeResponse({ link_token: token, link_sessions: [first, second] }))),
    );
    await lookup(app, token);
    await store.idle();

    // Plaid still has the second session: only the first, which it dropped, comes from the store.
    upstream.answerWith(
      json(200, JSON.stringify(makeResponse({ link_token: token, link_sessions: [second] }))),
    );
    const kept = KeptBesideSchema.parse((await (await lookup(app, token)).json()).kept);
    expect(kept.sessions?.map((session) => session.session.link_session_id)).toEqual(['first-session']);
  });

  it("returns the kept sessions with Plaid's INVALID_LINK_TOKEN for a token the store knows", async () => {
    const token = newToken();
    const app = appWith(store);
    upstream.answerWith(json(200, makeResponse({ link_token: token, link_sessions: [makeSession()] })));
    await lookup(app, token);
    await store.idle();

    upstream.answerWith(json(400, plaidForgot));
    const response = await lookup(app, token);
    expect(response.status).toBe(400);
    const answer = await response.json();
    expect(answer).toMatchObject(plaidForgot);
    expect(KeptBesideSchema.parse(answer.kept)).toMatchObject({
      status: 'skipped',
      sessions: [{ seen_by: 'local' }],
    });
  });

  it('opens a kept answer without asking Plaid, absolute with PUBLIC_URL, and audits the read', async () => {
    const token = newToken();
    const app = appWith(store, { PUBLIC_URL: 'https://inspector.example.com/' });
    upstream.answerWith(json(200, makeResponse({ link_token: token, link_sessions: [makeSession()] })));
    await lookup(app, token);
    await store.idle();
    const asked = upstream.requests.length;

    const response = await app.request(`/api/kept/${token}`);
    expect(response.status).toBe(200);
    const kept = KeptAnswerSchema.parse(await response.json());
    expect(kept).toMatchObject({ link_token: token, environment: 'sandbox', seen_by: 'local' });
    expect(kept.permalink).toBe(`https://inspector.example.com/?link_token=${token}&kept=1`);
    expect(kept.sessions).toHaveLength(1);
    expect(upstream.requests.length).toBe(asked);
    expect(app.logs.lines()).toContainEqual(
      expect.objectContaining({ audit: 'kept.read', user: 'local', link_token: token }),
    );
  });

  it("reads a batch's kept answers in one request without asking Plaid, audited, naming the tokens not kept", async () => {
    const [kept, unknown] = [newToken(), newToken()];
    const app = appWith(store);
    upstream.answerWith(json(200, makeResponse({ link_token: kept, link_sessions: [makeSession()] })));
    await lookup(app, kept);
    await store.idle();
    const asked = upstream.requests.length;

    const read = (linkTokens: unknown) =>
      app.request('/api/kept/read', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ link_tokens: linkTokens }),
      });
    const response = await read([kept, unknown, 'not-a-token']);
    expect(response.status).toBe(200);
    const body = KeptReadResponseSchema.parse(await response.json());
    expect(body.kept.map((answer) => answer.link_token)).toEqual([kept]);
    expect(body.kept[0]).toMatchObject({ seen_by: 'local', permalink: `/?link_token=${kept}&kept=1` });
    expect(body.kept[0]!.sessions).toHaveLength(1);
    expect(body.not_kept).toEqual([unknown, 'not-a-token']);
    expect(upstream.requests.length).toBe(asked);
    expect(app.logs.lines()).toContainEqual(
      expect.objectContaining({
        audit: 'kept.read',
        user: 'local',
        link_tokens: [kept, unknown, 'not-a-token'],
      }),
    );

    const tooMany = await read(Array.from({ length: 251 }, newToken));
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({ error_type: 'PROXY_ERROR', error_code: 'INVALID_BODY' });
  });

  it('deletes tokens from the store on request, audited, and says when a token is not kept', async () => {
    const token = newToken();
    const app = appWith(store);
    upstream.answerWith(json(200, makeResponse({ link_token: token })));
    await lookup(app, token);
    await store.idle();

    const response = await app.request('/api/kept', {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ link_tokens: [token, newToken()] }),
    });
    expect(await response.json()).toEqual({ deleted: 1 });
    expect(app.logs.lines()).toContainEqual(
      expect.objectContaining({ audit: 'kept.delete', user: 'local', link_tokens: [token], asked: 2 }),
    );
    const gone = await app.request(`/api/kept/${token}`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ error_type: 'PROXY_ERROR', error_code: 'NOT_KEPT' });
  });

  it('answers without kept sessions, about a second after it started, when the store does not answer', async () => {
    const token = newToken();
    const hanging: Store = { ...store, readForLookup: () => new Promise(() => {}) };
    const app = appWith(hanging);
    upstream.answerWith(json(200, makeResponse({ link_token: token })));
    const started = performance.now();
    const answer = await (await lookup(app, token)).json();
    const took = performance.now() - started;
    expect(answer.link_token).toBe(token);
    expect(answer.kept).toMatchObject({ status: 'queued', sessions: null });
    expect(took).toBeGreaterThanOrEqual(990);
    expect(took).toBeLessThan(3_000);
    await store.idle();
  });

  it("reports the store's size and answers kept in /metrics, and the store in /readyz", async () => {
    const app = appWith(store);
    const metrics = await (await app.request('/metrics')).text();
    expect(metrics).toMatch(/^store_size_bytes [1-9]\d*$/m);
    expect(metrics).toMatch(/^store_answers_total\{result="kept"\} [1-9]/m);
    expect(await (await app.request('/readyz')).json()).toMatchObject({ store: 'ok' });
  });
});

describe('lookups with a PostgreSQL store', () => {
  let backend: TestBackend;
  let stores: Store[];
  beforeAll(async () => {
    backend = await startBackend('postgresql');
    const quiet = pino({ level: 'silent' });
    stores = await Promise.all(
      [1, 2].map(() => openStore({ location: backend.location, retentionDays: 30 }, quiet)),
    );
  }, 60_000);
  afterAll(async () => {
    await Promise.all(stores?.map((store) => store.close()) ?? []);
    await backend?.done();
  });

  it("lets two instances on one PostgreSQL see each other's kept answers at once", async () => {
    const token = newToken();
    const [first, second] = stores.map((store) => appWith(store)) as [TestApp, TestApp];
    upstream.answerWith(json(200, makeResponse({ link_token: token, link_sessions: [makeSession()] })));
    await lookup(first, token);
    await stores[0]!.idle();
    expect((await second.request(`/api/kept/${token}`)).status).toBe(200);
  });

  it('writes nothing, not even a row lock, for an answer the store already holds (request_id aside)', async () => {
    const token = newToken();
    const app = appWith(stores[0]!);
    const client = new pg.Client(backend.postgres!.url);
    await client.connect();
    const tokenRow = async () =>
      (await client.query('select xmin::text, xmax::text from kept_tokens where link_token = $1', [token]))
        .rows[0];
    try {
      upstream.answerWith(json(200, makeResponse({ link_token: token, request_id: 'first' })));
      await lookup(app, token);
      await stores[0]!.idle();
      const kept = await tokenRow();

      upstream.answerWith(json(200, makeResponse({ link_token: token, request_id: 'second' })));
      const again = await (await lookup(app, token)).json();
      await stores[0]!.idle();
      expect(again.kept.status).toBe('queued');
      expect(await tokenRow()).toEqual(kept);
    } finally {
      await client.end();
    }
  });

  it('keeps answering lookups while the database is down, saying they were not kept, and recovers', async () => {
    const token = newToken();
    const app = appWith(stores[0]!);
    upstream.answerWith(json(200, makeResponse({ link_token: token, link_sessions: [makeSession()] })));
    await backend.postgres!.stop();
    try {
      const response = await lookup(app, token);
      expect(response.status).toBe(200);
      const answer = await response.json();
      expect(answer.link_token).toBe(token);
      expect(answer.kept).toMatchObject({ status: 'not kept', sessions: null });
      const ready = await app.request('/readyz');
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', store: 'degraded' });
      expect(await (await app.request('/metrics')).text()).toMatch(
        /^store_failures_total\{operation="read"\} [1-9]/m,
      );
    } finally {
      await backend.postgres!.start();
    }
    const again = await (await lookup(app, token)).json();
    expect(again.kept).toMatchObject({ status: 'queued', sessions: [] });
  });
});
