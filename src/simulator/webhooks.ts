import { createHash, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import type { LinkWebhook } from '../shared/schemas/link-webhooks';
import { live, LIVE_EVENT_COUNT } from './scenarios/live';
import type { AnswerContext } from './types';

// Plaid's webhooks, as the simulator sends them: signed like Plaid's (a Plaid-Verification JWT,
// ES256, holding the SHA-256 of the body), with a key served by /webhook_verification_key/get.
// The key pair is made when the simulator starts and lives as long as it does.

// Plaid's JWKPublicKey.
export type WebhookKey = {
  alg: 'ES256';
  crv: string;
  kid: string;
  kty: string;
  use: 'sig';
  x: string;
  y: string;
  created_at: number;
  expired_at: number | null;
};

export type WebhookSigner = {
  kid: string;
  publicKey(): Promise<WebhookKey>;
  // The Plaid-Verification header for a body, as sent.
  sign(body: string): Promise<string>;
};

export function createWebhookSigner(now: () => Date): WebhookSigner {
  const kid = randomUUID();
  const createdAt = Math.floor(now().getTime() / 1000);
  const pair = generateKeyPair('ES256', { extractable: true });
  return {
    kid,
    async publicKey() {
      const { crv = 'P-256', kty = 'EC', x = '', y = '' } = await exportJWK((await pair).publicKey);
      return { alg: 'ES256', crv, kid, kty, use: 'sig', x, y, created_at: createdAt, expired_at: null };
    },
    async sign(body) {
      const privateKey: CryptoKey = (await pair).privateKey;
      return new SignJWT({ request_body_sha256: createHash('sha256').update(body).digest('hex') })
        .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
        .setIssuedAt(Math.floor(now().getTime() / 1000))
        .sign(privateKey);
    },
  };
}

// The webhooks Plaid sends when the live fixture's session ends: EVENTS with all its events, then
// SESSION_FINISHED. The session is the one the live token shows once finished (from its first
// lookup, or, never looked up, as if it had just finished).
export function liveSessionWebhooks(
  context: Omit<AnswerContext, 'requestId' | 'firstLookupAt'> & { firstLookupAt?: Date | undefined },
): LinkWebhook[] {
  const durationMs = LIVE_EVENT_COUNT * context.liveStepMs;
  const firstLookupAt = context.firstLookupAt ?? new Date(context.now.getTime() - durationMs);
  const answer = live.answer({
    ...context,
    requestId: 'webhook',
    firstLookupAt,
    now: new Date(firstLookupAt.getTime() + durationMs),
  });
  const session = answer.body.link_sessions![0]!;
  const common = {
    webhook_type: 'LINK' as const,
    link_token: live.link_token,
    link_session_id: session.link_session_id,
    environment: 'sandbox' as const,
  };
  const publicToken = session.on_success?.public_token;
  return [
    { ...common, webhook_code: 'EVENTS', events: session.events ?? [] },
    {
      ...common,
      webhook_code: 'SESSION_FINISHED',
      status: 'SUCCESS',
      public_tokens: publicToken ? [publicToken] : [],
    },
  ];
}

export type WebhookDelivery = { webhook_code: string; status: number | null; answer: string };

// Sends each webhook as Plaid does: JSON pretty-printed with two spaces, signed, one after another.
export async function sendWebhooks(
  url: string,
  webhooks: readonly LinkWebhook[],
  signer: WebhookSigner,
): Promise<WebhookDelivery[]> {
  const deliveries: WebhookDelivery[] = [];
  for (const webhook of webhooks) {
    const body = JSON.stringify(webhook, null, 2);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Plaid-Verification': await signer.sign(body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      deliveries.push({
        webhook_code: webhook.webhook_code,
        status: response.status,
        answer: await response.text(),
      });
    } catch (error) {
      deliveries.push({
        webhook_code: webhook.webhook_code,
        status: null,
        answer: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return deliveries;
}
