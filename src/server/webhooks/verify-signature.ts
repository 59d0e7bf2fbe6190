import { createHash, timingSafeEqual } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, jwtVerify, type CryptoKey, type JWTPayload } from 'jose';

// Plaid signs every webhook: the Plaid-Verification header is a JWT (ES256) whose payload holds the
// SHA-256 of the body (docs: plaid.com/docs/api/webhooks/webhook-verification/). The checks run
// cheapest first, and each refusal names the step that failed:
//   readSignature: the header is there, is a JWT, says ES256 (nothing else) and names a key (kid),
//     and was issued at most five minutes ago;
//   (the caller fetches the key by kid: webhook-keys.ts)
//   checkSignature: the signature holds under that key, then the body hash matches the RAW body.

export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;
// Plaid's clock and ours may differ a little; an iat further in the future than this is refused.
const CLOCK_SKEW_SECONDS = 60;

export type SignatureRefusal = {
  ok: false;
  step: 'no header' | 'malformed' | 'algorithm' | 'too old' | 'signature' | 'body hash';
  message: string;
};

export type SignatureHeader = { ok: true; token: string; kid: string; signedAt: Date };

export function readSignature(header: string | undefined, now: Date): SignatureHeader | SignatureRefusal {
  if (header === undefined || header.trim() === '') {
    return refuse(
      'no header',
      'The Plaid-Verification header is missing: only webhooks Plaid signed are accepted.',
    );
  }
  const token = header.trim();
  let alg: unknown;
  let kid: unknown;
  let payload: JWTPayload;
  try {
    ({ alg, kid } = decodeProtectedHeader(token));
    payload = decodeJwt(token);
  } catch {
    return refuse('malformed', 'The Plaid-Verification header is not a JWT.');
  }
  if (alg !== 'ES256') {
    return refuse(
      'algorithm',
      `The Plaid-Verification JWT is signed with ${String(alg)}; only ES256 is accepted.`,
    );
  }
  if (typeof kid !== 'string' || kid === '') {
    return refuse('malformed', 'The Plaid-Verification JWT names no key (kid).');
  }
  const nowSeconds = now.getTime() / 1000;
  if (typeof payload.iat !== 'number') {
    return refuse('malformed', 'The Plaid-Verification JWT has no issue time (iat).');
  }
  if (nowSeconds - payload.iat > MAX_SIGNATURE_AGE_SECONDS || payload.iat - nowSeconds > CLOCK_SKEW_SECONDS) {
    return refuse(
      'too old',
      `The Plaid-Verification JWT was issued at ${new Date(payload.iat * 1000).toISOString()}: only webhooks signed in the last ${MAX_SIGNATURE_AGE_SECONDS / 60} minutes are accepted.`,
    );
  }
  return { ok: true, token, kid, signedAt: new Date(payload.iat * 1000) };
}

export async function checkSignature(
  token: string,
  key: CryptoKey,
  rawBody: Uint8Array,
): Promise<{ ok: true } | SignatureRefusal> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key, { algorithms: ['ES256'] }));
  } catch {
    return refuse('signature', "The Plaid-Verification JWT's signature does not hold under Plaid's key.");
  }
  const claimed = payload.request_body_sha256;
  const actual = createHash('sha256').update(rawBody).digest('hex');
  if (typeof claimed !== 'string' || !sameText(claimed.toLowerCase(), actual)) {
    return refuse(
      'body hash',
      'The body is not the one Plaid signed (request_body_sha256 differs): forward it unchanged.',
    );
  }
  return { ok: true };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function refuse(step: SignatureRefusal['step'], message: string): SignatureRefusal {
  return { ok: false, step, message };
}
