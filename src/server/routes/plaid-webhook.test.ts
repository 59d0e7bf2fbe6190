import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEvent } from '../../shared/test/fixtures';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { openStore, type Store } from '../store/store';
import { startBackend, type TestBackend } from '../store/test-backends';
import { startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream';
import { captureLogs } from '../testing/log-capture';
import { createTestSigner, servesKeys, type TestSigner } from '../testing/webhook-signer';

// POST /api/webhooks/plaid through the whole app (app.request()), with Plaid's key served by a
// fake Plaid over real HTTP and a real store (PGlite): what is kept, what is refused, and the
// route's own limits.

let plaid: FakeUpstream;
let signer: TestSigner;
let store: Store;
let backend: TestBackend;
beforeAll(async () => {
  plaid = await startFakeUpstream();
  signer = await createTestSigner();
  plaid.answerWith(servesKeys(await signer.jwk()));
  backend = await startBackend('pglite');
  store = await openStore({ location: backend.location, retentionDays: 30 }, pino({ level: 'silent' }));
}, 60_000);
afterAll(async () => {
  await store?.close();
  await plaid?.close();
  await backend?.done();
});

function appWith(env: Record<string, string> = {}, logger = pino({ level: 'silent' })) {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    PLAID_UPSTREAM: 'plaid',
    PLAID_CLIENT_ID: 'server-client-id-value',
    PLAID_SECRET_SANDBOX: 'server-sandbox-secret-value',
    PLAID_SANDBOX_URL: plaid.url,
    PLAID_PRODUCTION_URL: plaid.url,
    ...env,
  });
  return createApp({ ...config, clientDir: 'src/server/testing' }, { store, logger });
}

let tokenNumber = 0;
function newToken(environment = 'sandbox'): string {
  tokenNumber += 1;
  return `link-${environment}-00000000-0000-4000-a000-${String(tokenNumber).padStart(12, '0')}`;
}

function finished(linkToken: string, extra: Record<string, unknown> = {}) {
  return {
    webhook_type: 'LINK',
    webhook_code: 'SESSION_FINISHED',
    status: 'SUCCESS',
    link_session_id: 'session-1',
    link_token: linkToken,
    public_tokens: ['public-sandbox-b0e2c4ee-a763-4df5-bfe9-46a46bce993d'],
    environment: 'sandbox',
    ...extra,
  };
}

async function send(app: ReturnType<typeof appWith>, body: unknown, header?: string | null) {
  const text = typeof body === 'string' ? body : JSON.stringify(body, null, 2);
  const signature = header === undefined ? await signer.sign(text) : header;
  const response = await app.request('/api/webhooks/plaid', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(signature === null ? {} : { 'Plaid-Verification': signature }),
    },
    body: text,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('POST /api/webhooks/plaid', () => {
  it('keeps what a signed SESSION_FINISHED says about a session of a token never seen, with no user', async () => {
    const token = newToken();
    // Basic auth on: Plaid signs in with its signature, not a password.
    const app = appWith({ AUTH_USERS: 'ana:$2b$10$lUR.XASbNA93hPF5hkqYf.YtQFPddhtczxRK48LcB1hSH/q9drNru' });
    expect((await app.request(`/api/kept/${token}`)).status).toBe(401);
    const answer = await send(app, finished(token));
    expect(answer).toEqual({
      status: 200,
      json: { kept: true, changed: true, link_token: token, link_session_id: 'session-1' },
    });

    const kept = await store.read(token);
    expect(kept?.environment).toBe('sandbox');
    expect(kept?.sessions).toHaveLength(1);
    expect(kept?.sessions[0]).toMatchObject({ source: 'webhook', seen_by: 'Plaid webhook' });
    // The public token is masked, as in every kept answer.
    expect(kept?.sessions[0]?.session.on_success).toEqual({
      public_token: 'public-sandbox-…993d',
      metadata: null,
    });
    expect(kept?.sessions[0]?.session.finished_at).toEqual(expect.any(String));

    // Its permalink has no answer of Plaid's to show them beside, and says so.
    const permalink = await appWith().request(`/api/kept/${token}`);
    expect(permalink.status).toBe(404);
    expect(((await permalink.json()) as { error_message: string }).error_message).toContain(
      "1 session(s) of this token from Plaid's webhooks",
    );
  });

  it('answers the same webhook sent again without changing anything', async () => {
    const app = appWith();
    const token = newToken();
    const body = JSON.stringify(
      {
        webhook_type: 'LINK',
        webhook_code: 'EVENTS',
        link_token: token,
        link_session_id: 's',
        events: [makeEvent({ event_name: 'OPEN', timestamp: '2026-12-05T10:00:00Z' })],
        environment: 'sandbox',
      },
      null,
      2,
    );
    const header = await signer.sign(body);
    expect((await send(app, body, header)).json).toMatchObject({ kept: true, changed: true });
    const before = await store.read(token);
    expect((await send(app, body, header)).json).toMatchObject({ kept: true, changed: false });
    expect(await store.read(token)).toEqual(before);
  });

  it('refuses what Plaid did not sign, with a JSON error naming why, and keeps nothing', async () => {
    const app = appWith();
    const token = newToken();
    const body = JSON.stringify(finished(token), null, 2);
    const unsigned = await send(app, body, null);
    expect(unsigned.status).toBe(401);
    expect(unsigned.json).toMatchObject({ error_type: 'PROXY_ERROR', error_code: 'UNAUTHORIZED' });
    expect(unsigned.json.error_message).toContain('Plaid-Verification header is missing');

    const otherBody = JSON.stringify(finished(token, { status: 'EXITED' }), null, 2);
    const swapped = await send(app, otherBody, await signer.sign(body));
    expect(swapped.status).toBe(401);
    expect(swapped.json.error_message).toContain('request_body_sha256');

    const stranger = await createTestSigner();
    const unknownKey = await send(app, body, await stranger.sign(body));
    expect(unknownKey.status).toBe(401);
    expect(unknownKey.json.error_message).toContain(`no webhook key ${stranger.kid}`);
    expect(await store.tokenEnvironment(token)).toBeUndefined();
  });

  it('refuses malformed JSON, webhooks not as Plaid documents them, and tokens of another environment', async () => {
    const app = appWith();
    const token = newToken();
    const notJson = await send(app, '{"webhook_type": "LINK",');
    expect(notJson).toMatchObject({
      status: 400,
      json: { error_code: 'INVALID_BODY', error_message: 'The webhook body is not JSON.' },
    });

    const noEvents = await send(app, {
      webhook_type: 'LINK',
      webhook_code: 'EVENTS',
      link_token: token,
      link_session_id: 's',
    });
    expect(noEvents).toMatchObject({ status: 400, json: { error_code: 'INVALID_BODY' } });
    expect(noEvents.json.error_message).toContain('events');

    const elsewhere = await send(app, finished(token, { environment: 'production' }));
    // No production secret: the key cannot be fetched to check the signature.
    expect(elsewhere).toMatchObject({ status: 503, json: { error_code: 'WEBHOOK_NOT_CONFIGURED' } });
    const withProduction = appWith({ PLAID_SECRET_PRODUCTION: 'server-production-secret' });
    const mismatch = await send(withProduction, finished(token, { environment: 'production' }));
    expect(mismatch).toMatchObject({ status: 400, json: { error_code: 'INVALID_BODY' } });
    expect(mismatch.json.error_message).toContain('sandbox token');
    expect(await store.tokenEnvironment(token)).toBeUndefined();
  });

  it('acknowledges other webhooks and unknown LINK codes, and keeps nothing of them', async () => {
    const app = appWith();
    const token = newToken();
    const unknownCode = await send(app, {
      webhook_type: 'LINK',
      webhook_code: 'SOMETHING_NEW',
      link_token: token,
      environment: 'sandbox',
    });
    expect(unknownCode).toMatchObject({ status: 200, json: { kept: false } });
    const item = await send(app, {
      webhook_type: 'ITEM',
      webhook_code: 'WEBHOOK_UPDATE_ACKNOWLEDGED',
      item_id: 'x',
      environment: 'sandbox',
    });
    expect(item).toMatchObject({ status: 200, json: { kept: false } });
    expect(await store.tokenEnvironment(token)).toBeUndefined();
  });

  it('answers 503 and logs why when it holds no secret for the webhook environment', async () => {
    const logs = captureLogs();
    const app = appWith({}, pino(logs.destination));
    const token = newToken('production');
    const answer = await send(app, finished(token, { environment: 'production' }));
    expect(answer).toMatchObject({ status: 503, json: { error_code: 'WEBHOOK_NOT_CONFIGURED' } });
    expect(logs.text()).toContain('PLAID_SECRET_PRODUCTION');
    expect(logs.text()).not.toContain('server-sandbox-secret-value');
  });

  it('takes EVENTS webhooks far above the 16 KB API cap, up to 1 MB', async () => {
    const app = appWith();
    const token = newToken();
    const events = Array.from({ length: 600 }, (_, i) =>
      makeEvent({
        event_name: 'TRANSITION_VIEW',
        timestamp: `2026-12-05T10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`,
        event_id: `event-${i}`,
        event_metadata: { view_name: 'CONSENT', request_id: 'ClqZyuhovgkaQ3j' },
      }),
    );
    const large = {
      webhook_type: 'LINK',
      webhook_code: 'EVENTS',
      link_token: token,
      link_session_id: 's',
      events,
      environment: 'sandbox',
    };
    expect(JSON.stringify(large, null, 2).length).toBeGreaterThan(100 * 1024);
    expect(await send(app, large)).toMatchObject({ status: 200, json: { kept: true } });
    expect((await store.read(token))?.sessions[0]?.session.events).toHaveLength(600);

    const tooLarge = await send(app, { ...large, padding: 'x'.repeat(1024 * 1024) });
    expect(tooLarge).toMatchObject({ status: 413, json: { error_code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('limits requests a minute per caller address', async () => {
    const app = appWith({ WEBHOOK_RATE_LIMIT_PER_MINUTE: '2' });
    expect((await send(app, finished(newToken()), null)).status).toBe(401);
    expect((await send(app, finished(newToken()), null)).status).toBe(401);
    expect(await send(app, finished(newToken()))).toMatchObject({
      status: 429,
      json: { error_code: 'RATE_LIMITED' },
    });
  });

  it('limits tokens the store has not seen a minute, not webhooks about known ones', async () => {
    const app = appWith({ WEBHOOK_NEW_TOKENS_PER_MINUTE: '1' });
    const known = newToken();
    const unseen = newToken();
    expect((await send(app, finished(known))).status).toBe(200);
    expect(await send(app, finished(unseen))).toMatchObject({
      status: 429,
      json: { error_code: 'RATE_LIMITED' },
    });
    expect(await store.tokenEnvironment(unseen)).toBeUndefined();
    expect((await send(app, finished(known, { link_session_id: 'session-2' }))).json).toMatchObject({
      kept: true,
      changed: true,
    });
  });
});
