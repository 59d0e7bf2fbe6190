import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { json, startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream';
import { createTestSigner, servesKeys, type TestSigner } from '../testing/webhook-signer';
import { createBytesInFlight } from '../upstream/bytes-in-flight';
import { fetchKeyFromPlaid } from './fetch-plaid-key';
import { checkSignature } from './verify-signature';
import { createWebhookKeys, UNKNOWN_KID_FETCHES_PER_MINUTE } from './webhook-keys';

// Plaid's webhook keys, fetched by kid from a fake Plaid over real HTTP with the server's
// credentials, cached, capped and refused once expired.

let plaid: FakeUpstream;
let signer: TestSigner;
beforeAll(async () => {
  plaid = await startFakeUpstream();
  signer = await createTestSigner();
});
afterAll(() => plaid.close());

function keysAt(clock: { now: Date }) {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    PLAID_UPSTREAM: 'plaid',
    PLAID_CLIENT_ID: 'server-client-id-value',
    PLAID_SECRET_SANDBOX: 'server-sandbox-secret-value',
    PLAID_SANDBOX_URL: plaid.url,
  });
  return createWebhookKeys({
    fetchKey: fetchKeyFromPlaid(config, createBytesInFlight(1024 * 1024)),
    now: () => clock.now,
  });
}

describe("Plaid's webhook keys", () => {
  it("fetches a key once by kid, with the server's credentials, and verifies with it", async () => {
    plaid.answerWith(servesKeys(await signer.jwk()));
    const before = plaid.requests.length;
    const keys = keysAt({ now: new Date() });
    const found = await Promise.all([keys.get('sandbox', signer.kid), keys.get('sandbox', signer.kid)]);
    const again = await keys.get('sandbox', signer.kid);
    expect(plaid.requests.length - before).toBe(1);
    const asked = plaid.requests.at(-1)!;
    expect(asked.path).toBe('/webhook_verification_key/get');
    expect(JSON.parse(asked.body)).toEqual({ key_id: signer.kid });
    expect(asked.headers['plaid-secret']).toBe('server-sandbox-secret-value');
    expect(found.every((lookup) => lookup.ok) && again.ok).toBe(true);
    const body = '{"webhook_type":"LINK"}';
    const token = await signer.sign(body);
    expect(again.ok && (await checkSignature(token, again.key, new TextEncoder().encode(body)))).toEqual({
      ok: true,
    });
  });

  it('refuses a kid Plaid does not know', async () => {
    plaid.answerWith(servesKeys(await signer.jwk()));
    expect(await keysAt({ now: new Date() }).get('sandbox', 'made-up-kid')).toMatchObject({
      ok: false,
      step: 'unknown key',
      code: 'UNAUTHORIZED',
    });
  });

  it('refuses a key past its expired_at, including one cached while it was current', async () => {
    const clock = { now: new Date() };
    const expiresAt = Math.floor(clock.now.getTime() / 1000) + 60;
    plaid.answerWith(servesKeys(await signer.jwk(expiresAt)));
    const keys = keysAt(clock);
    expect((await keys.get('sandbox', signer.kid)).ok).toBe(true);
    clock.now = new Date((expiresAt + 1) * 1000);
    expect(await keys.get('sandbox', signer.kid)).toMatchObject({
      ok: false,
      step: 'expired key',
      code: 'UNAUTHORIZED',
    });

    const expired = await createTestSigner();
    plaid.answerWith(servesKeys(await expired.jwk(1_600_000_000)));
    expect(await keysAt({ now: new Date() }).get('sandbox', expired.kid)).toMatchObject({
      step: 'expired key',
    });
  });

  it('asks Plaid about at most a few unknown kids a minute', async () => {
    plaid.answerWith(servesKeys());
    const clock = { now: new Date() };
    const keys = keysAt(clock);
    const before = plaid.requests.length;
    for (let i = 0; i < UNKNOWN_KID_FETCHES_PER_MINUTE; i++) {
      expect(await keys.get('sandbox', `kid-${i}`)).toMatchObject({ step: 'unknown key' });
    }
    expect(await keys.get('sandbox', 'one-more')).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(plaid.requests.length - before).toBe(UNKNOWN_KID_FETCHES_PER_MINUTE);
    clock.now = new Date(clock.now.getTime() + 60_000);
    expect(await keys.get('sandbox', 'one-more')).toMatchObject({ step: 'unknown key' });
  });

  it("says so when Plaid refuses the server's credentials, and when Plaid cannot answer", async () => {
    plaid.answerWith(
      json(400, {
        error_type: 'INVALID_INPUT',
        error_code: 'INVALID_API_KEYS',
        error_message: 'x',
        request_id: 'r',
      }),
    );
    expect(await keysAt({ now: new Date() }).get('sandbox', signer.kid)).toMatchObject({
      ok: false,
      code: 'WEBHOOK_NOT_CONFIGURED',
    });
    plaid.answerWith(
      json(500, { error_type: 'API_ERROR', error_code: 'INTERNAL_SERVER_ERROR', request_id: 'r' }),
    );
    expect(await keysAt({ now: new Date() }).get('sandbox', signer.kid)).toMatchObject({
      ok: false,
      code: 'UPSTREAM_BAD_RESPONSE',
    });
  });
});
