import { createHash, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey } from 'jose';
import type { UpstreamHandler } from './fake-upstream';

// Plaid's side of webhook signing, for server tests: a key pair with a kid, the JWK Plaid would
// serve for it, and Plaid-Verification headers that are right, or wrong in one chosen way.

export type TestSigner = {
  kid: string;
  // Plaid's JWKPublicKey for this key; `expiredAt` in Unix seconds.
  jwk(expiredAt?: number | null): Promise<Record<string, unknown>>;
  sign(body: string, spoil?: Spoil): Promise<string>;
};

export type Spoil = {
  // Seconds since the epoch; default now.
  iat?: number;
  // The hash claimed for the body; default the body's own.
  bodyHash?: string;
  // 'HS256': signed with a shared secret; 'none': not signed at all.
  alg?: 'HS256' | 'none';
  kid?: string;
};

export async function createTestSigner(): Promise<TestSigner> {
  const kid = randomUUID();
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  return {
    kid,
    async jwk(expiredAt = null) {
      const { x, y } = await exportJWK(publicKey);
      return {
        alg: 'ES256',
        crv: 'P-256',
        kid,
        kty: 'EC',
        use: 'sig',
        x,
        y,
        created_at: 1_560_466_150,
        expired_at: expiredAt,
      };
    },
    sign: (body, spoil = {}) => signBody(body, privateKey, spoil.kid ?? kid, spoil),
  };
}

async function signBody(body: string, privateKey: CryptoKey, kid: string, spoil: Spoil): Promise<string> {
  const payload = { request_body_sha256: spoil.bodyHash ?? createHash('sha256').update(body).digest('hex') };
  const iat = spoil.iat ?? Math.floor(Date.now() / 1000);
  if (spoil.alg === 'none') return new UnsecuredJWT(payload).setIssuedAt(iat).encode();
  if (spoil.alg === 'HS256') {
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256', kid })
      .setIssuedAt(iat)
      .sign(new TextEncoder().encode('a-shared-secret-anyone-could-guess'));
  }
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
    .setIssuedAt(iat)
    .sign(privateKey);
}

// A fake Plaid answering /webhook_verification_key/get: the signers' keys by kid, else Plaid's
// error for an unknown key.
export function servesKeys(...keys: Record<string, unknown>[]): UpstreamHandler {
  return (request, res) => {
    const { key_id } = JSON.parse(request.body) as { key_id?: string };
    const key = keys.find((candidate) => candidate.kid === key_id);
    res.writeHead(key ? 200 : 400, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify(
        key
          ? { key, request_id: 'test-request' }
          : {
              error_type: 'INVALID_INPUT',
              error_code: 'INVALID_WEBHOOK_VERIFICATION_KEY_ID',
              error_message: 'invalid key_id provided',
              display_message: null,
              request_id: 'test-request',
            },
      ),
    );
  };
}
