import { Hono, type Context } from 'hono';
import type { Logger } from 'pino';
import { rateLimiter, type RateLimitInfo } from 'hono-rate-limiter';
import { checkLinkToken, PLAID_ENVIRONMENTS, type PlaidEnvironment } from '../../shared/link-token';
import { LINK_WEBHOOK_CODES, LinkWebhookSchema } from '../../shared/schemas/link-webhooks';
import type { AppEnv } from '../app-env';
import type { Config } from '../config';
import type { Counters } from '../counters/counters';
import { bodySizeLimit } from '../middleware/body-size-limit';
import { jsonOnly } from '../middleware/json-only';
import { clientAddress } from '../middleware/peer-address';
import { respondWithProxyError } from '../proxy-error-response';
import type { Store } from '../store/store';
import { checkSignature, readSignature } from '../webhooks/verify-signature';
import type { WebhookKeys } from '../webhooks/webhook-keys';
import { sessionFromWebhook } from '../webhooks/webhook-session';

// POST /api/webhooks/plaid (docs/api.md): Plaid's LINK webhooks, kept as what they say about each
// Link session (source 'webhook'). Plaid calls it with no user, so it believes only what Plaid
// signed (webhooks/verify-signature.ts), checked before anything is kept. Its own limits: a body
// cap that fits large EVENTS webhooks, requests a minute per caller address, and tokens the store
// has not seen a minute (a team pointing its webhooks here is normal; a flood of made-up tokens
// is not). Sending one webhook again changes nothing (store/webhooks.ts).

// An EVENTS webhook carries every event of a session, pretty-printed: a long session runs to
// tens of KB. 1 MB leaves room for the longest while still bounding what one request may buffer.
export const WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;
const WINDOW_MS = 60_000;
// Who kept_sessions.seen_by names for what a webhook said.
const SEEN_BY = 'Plaid webhook';

export type WebhookRouteDeps = {
  config: Config;
  store: Store | undefined;
  counters: Counters;
  keys: WebhookKeys;
  now?: () => Date;
};

export function plaidWebhookRoute({
  config,
  store,
  counters,
  keys,
  now = () => new Date(),
}: WebhookRouteDeps) {
  const { perMinute, newTokensPerMinute } = config.webhooks;
  const newTokens = counters.store('webhook-new-tokens', WINDOW_MS);

  return new Hono<AppEnv>().post(
    '/',
    async (c, next) => {
      c.set('user', SEEN_BY);
      await next();
    },
    rateLimiter<AppEnv & { Variables: { rateLimit: RateLimitInfo } }>({
      windowMs: WINDOW_MS,
      limit: perMinute,
      store: counters.store('webhook-rate-limit', WINDOW_MS),
      standardHeaders: 'draft-6',
      // Plaid sends from a handful of addresses; in-process tests have none.
      keyGenerator: (c) => clientAddress(c, config.security.trustedProxies) ?? 'unknown',
      handler: (c) => {
        c.header('Retry-After', String(WINDOW_MS / 1000));
        return respondWithProxyError(
          c,
          'RATE_LIMITED',
          `Too many webhooks: at most ${perMinute} a minute from one address.`,
        );
      },
    }),
    bodySizeLimit(WEBHOOK_MAX_BODY_BYTES),
    jsonOnly(),
    async (c) => {
      // 1. The signature header alone: present, a JWT, ES256, a kid, issued in the last 5 minutes.
      const signature = readSignature(c.req.header('Plaid-Verification'), now());
      if (!signature.ok) return unverified(c, signature.message);

      // 2. The body, as bytes: the signature covers them exactly as sent.
      const rawBody = new Uint8Array(await c.req.arrayBuffer());
      let body: unknown;
      try {
        body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(rawBody));
      } catch {
        return respondWithProxyError(c, 'INVALID_BODY', 'The webhook body is not JSON.');
      }
      const environment = webhookEnvironment(body);
      if (!environment) {
        return respondWithProxyError(
          c,
          'INVALID_BODY',
          `The webhook names no Plaid environment: its "environment" (or its link_token) must say ${PLAID_ENVIRONMENTS.join(' or ')}.`,
        );
      }

      // 3. Plaid's key, with the server's credentials for that environment.
      if (config.plaid.clientId === undefined || config.plaid.secrets[environment] === undefined) {
        return notConfigured(
          c,
          environment,
          `no PLAID_CLIENT_ID and PLAID_SECRET_${environment.toUpperCase()} are set`,
        );
      }
      const key = await keys.get(environment, signature.kid);
      if (!key.ok) {
        if (key.code === 'WEBHOOK_NOT_CONFIGURED') return notConfigured(c, environment, key.message);
        return key.code === 'UNAUTHORIZED'
          ? unverified(c, key.message)
          : respondWithProxyError(c, key.code, key.message);
      }

      // 4. The signature, then the body's hash.
      const checked = await checkSignature(signature.token, key.key, rawBody);
      if (!checked.ok) return unverified(c, checked.message);

      // Verified. Webhooks about other things, and LINK codes that say nothing about a session,
      // are acknowledged so that Plaid does not send them again.
      const { webhook_type, webhook_code } = body as { webhook_type?: unknown; webhook_code?: unknown };
      if (webhook_type !== 'LINK' || !LINK_WEBHOOK_CODES.includes(webhook_code as never)) {
        c.get('log').info(
          { webhook_type, webhook_code },
          'webhook: verified, not about a Link session, ignored',
        );
        return c.json({
          kept: false,
          ignored: `${String(webhook_type)} ${String(webhook_code)} webhooks are not kept.`,
        });
      }
      const parsed = LinkWebhookSchema.safeParse(body);
      if (!parsed.success) {
        const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(body)').join(', ');
        return respondWithProxyError(
          c,
          'INVALID_BODY',
          `The ${String(webhook_code)} webhook is not as Plaid documents it (${where}).`,
        );
      }
      const webhook = parsed.data;
      const token = checkLinkToken(webhook.link_token);
      if (!token.ok) return respondWithProxyError(c, token.code, token.message);
      if (token.environment !== environment) {
        return otherEnvironment(
          c,
          `The webhook says ${environment}, but its link_token is a ${token.environment} token.`,
        );
      }

      // 5. Keep it.
      if (!store) return respondWithProxyError(c, 'STORE_UNAVAILABLE', 'This server keeps no answers.');
      try {
        const known = await store.tokenEnvironment(token.token);
        if (known !== undefined && known !== environment) {
          return otherEnvironment(
            c,
            `The store holds ${token.token} as a ${known} token; this webhook says ${environment}.`,
          );
        }
        if (known === undefined && (await newTokens.increment('all')).totalHits > newTokensPerMinute) {
          c.header('Retry-After', String(WINDOW_MS / 1000));
          return respondWithProxyError(
            c,
            'RATE_LIMITED',
            `Too many webhooks about tokens this server has not seen: at most ${newTokensPerMinute} new tokens a minute.`,
          );
        }
        const kept = await store.keepWebhookSession({
          linkToken: token.token,
          environment,
          session: sessionFromWebhook(webhook, signature.signedAt),
          seenAt: now(),
          seenBy: SEEN_BY,
        });
        if (kept.result === 'other environment') {
          return otherEnvironment(
            c,
            `The store holds ${token.token} as a ${kept.environment} token; this webhook says ${environment}.`,
          );
        }
        c.get('log').info(
          {
            audit: 'webhook.kept',
            link_token: token.token,
            link_session_id: webhook.link_session_id,
            webhook_code: webhook.webhook_code,
            result: kept.result,
          },
          `webhook: ${webhook.webhook_code} ${kept.result}`,
        );
        return c.json({
          kept: true,
          changed: kept.result === 'kept',
          link_token: token.token,
          link_session_id: webhook.link_session_id,
        });
      } catch {
        // Logged by the store; Plaid sends the webhook again later.
        return respondWithProxyError(
          c,
          'STORE_UNAVAILABLE',
          'The store cannot be reached right now; send the webhook again later.',
        );
      }
    },
  );
}

// The environment the webhook's signature key belongs to: its own `environment` field, or (EVENTS
// webhooks need not carry one) its link_token's.
function webhookEnvironment(body: unknown): PlaidEnvironment | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { environment, link_token } = body as { environment?: unknown; link_token?: unknown };
  if (environment !== undefined) {
    return PLAID_ENVIRONMENTS.find((known) => known === environment);
  }
  const token = typeof link_token === 'string' ? checkLinkToken(link_token) : undefined;
  return token?.ok ? token.environment : undefined;
}

function unverified(c: Context, message: string) {
  (c.get('log') as Logger).warn({ reason: message }, 'webhook: refused, not verified as signed by Plaid');
  return respondWithProxyError(c, 'UNAUTHORIZED', message);
}

function otherEnvironment(c: Context, message: string) {
  return respondWithProxyError(c, 'INVALID_BODY', `${message} Nothing was kept.`);
}

// The operator must act: said in the log, and to Plaid as 503, so that it sends the webhook again.
function notConfigured(c: Context, environment: PlaidEnvironment, why: string) {
  (c.get('log') as Logger).error(
    { environment },
    `webhook: cannot check Plaid's signature for ${environment} (${why}); set the server's Plaid credentials for ${environment}`,
  );
  return respondWithProxyError(
    c,
    'WEBHOOK_NOT_CONFIGURED',
    `This server cannot check webhooks from Plaid's ${environment} environment: it holds no working Plaid credentials for it.`,
  );
}
