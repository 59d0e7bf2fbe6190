import { importJWK, type CryptoKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestSigner, type TestSigner } from '../testing/webhook-signer';
import { checkSignature, readSignature } from './verify-signature';

// Each step of checking Plaid's signature on its own (the key, fetched by kid, is webhook-keys.ts's;
// see webhook-keys.test.ts for unknown and expired keys).

const body = JSON.stringify({ webhook_type: 'LINK', webhook_code: 'EVENTS' }, null, 2);
const bytes = (text: string) => new TextEncoder().encode(text);
const nowSeconds = () => Math.floor(Date.now() / 1000);

let signer: TestSigner;
let key: CryptoKey;
beforeAll(async () => {
  signer = await createTestSigner();
  key = (await importJWK(await signer.jwk(), 'ES256')) as CryptoKey;
});

async function verify(header: string | undefined, sentBody = body, withKey = key) {
  const read = readSignature(header, new Date());
  if (!read.ok) return read;
  expect(read.kid).toBe(signer.kid);
  return checkSignature(read.token, withKey, bytes(sentBody));
}

describe('verifying a Plaid-Verification header', () => {
  it('accepts a webhook Plaid signed, and says when it was signed', async () => {
    const header = await signer.sign(body);
    const read = readSignature(header, new Date());
    expect(read).toMatchObject({ ok: true, kid: signer.kid });
    expect(read.ok && Math.abs(read.signedAt.getTime() - Date.now())).toBeLessThan(2000);
    expect(await verify(header)).toEqual({ ok: true });
  });

  it('refuses a webhook with no header', async () => {
    expect(await verify(undefined)).toMatchObject({ ok: false, step: 'no header' });
    expect(await verify('  ')).toMatchObject({ ok: false, step: 'no header' });
  });

  it('refuses a header that is not a JWT', async () => {
    expect(await verify('not-a-jwt')).toMatchObject({ ok: false, step: 'malformed' });
  });

  it('refuses any algorithm but ES256, before looking for a key', async () => {
    for (const alg of ['HS256', 'none'] as const) {
      const refusal = readSignature(await signer.sign(body, { alg }), new Date());
      expect(refusal, alg).toMatchObject({ ok: false, step: 'algorithm' });
      expect(!refusal.ok && refusal.message).toContain('only ES256');
    }
  });

  it('refuses a signature issued more than five minutes ago (or far in the future)', async () => {
    const old = await signer.sign(body, { iat: nowSeconds() - 5 * 60 - 5 });
    expect(await verify(old)).toMatchObject({ ok: false, step: 'too old' });
    const future = await signer.sign(body, { iat: nowSeconds() + 10 * 60 });
    expect(await verify(future)).toMatchObject({ ok: false, step: 'too old' });
    // Four minutes is still fine.
    expect(await verify(await signer.sign(body, { iat: nowSeconds() - 4 * 60 }))).toEqual({ ok: true });
  });

  it('refuses a signature made with another key', async () => {
    const other = await createTestSigner();
    expect(await verify(await other.sign(body, { kid: signer.kid }))).toMatchObject({
      ok: false,
      step: 'signature',
    });
  });

  it('refuses a body that is not the one signed, down to its whitespace', async () => {
    const header = await signer.sign(body);
    expect(await verify(header, JSON.stringify(JSON.parse(body)))).toMatchObject({
      ok: false,
      step: 'body hash',
    });
    const claimsOther = await signer.sign(body, { bodyHash: 'ab'.repeat(32) });
    expect(await verify(claimsOther)).toMatchObject({ ok: false, step: 'body hash' });
  });
});
