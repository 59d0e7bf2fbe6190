import { z } from 'zod';
import type { PlaidEnvironment } from '../../shared/link-token';
import type { Config } from '../config';
import type { BytesInFlight } from '../upstream/bytes-in-flight';
import { getWebhookVerificationKey } from '../upstream/plaid-client';
import { secretPatterns } from '../upstream/secret-echo';
import { PlaidWebhookKeySchema, type KeyFetch } from './webhook-keys';

// Asks Plaid for a webhook key with the server's own credentials for the environment (the route
// has checked that it holds them). Plaid answers a kid it does not know with an error (HTTP 4xx).
const KeyAnswerSchema = z.looseObject({ key: PlaidWebhookKeySchema });
const PlaidErrorCodeSchema = z.looseObject({ error_code: z.string() });

export function fetchKeyFromPlaid(config: Config, bytesInFlight: BytesInFlight) {
  const serverSecrets = secretPatterns(Object.values(config.plaid.secrets));
  return async (environment: PlaidEnvironment, kid: string): Promise<KeyFetch> => {
    const outcome = await getWebhookVerificationKey({
      environment,
      baseUrl: config.plaid.urls[environment],
      clientId: config.plaid.clientId ?? '',
      secret: config.plaid.secrets[environment] ?? '',
      timeoutMs: config.plaid.timeoutMs,
      maxResponseBytes: config.plaid.maxResponseBytes,
      bytesInFlight,
      serverSecrets,
      keyId: kid,
    });
    if (!outcome.ok) return { ok: false, unknown: false, code: outcome.code, message: outcome.message };
    // plaid-client passes on only JSON objects.
    const json: unknown = JSON.parse(new TextDecoder().decode(outcome.body));
    if (PlaidErrorCodeSchema.safeParse(json).data?.error_code === 'INVALID_API_KEYS') {
      return {
        ok: false,
        unknown: false,
        code: 'WEBHOOK_NOT_CONFIGURED',
        message: `Plaid refused this server's credentials for ${environment} (INVALID_API_KEYS), so the webhook's signature cannot be checked.`,
      };
    }
    if (outcome.status >= 400 && outcome.status < 500 && outcome.status !== 429)
      return { ok: false, unknown: true };
    const answer = outcome.status === 200 ? KeyAnswerSchema.safeParse(json) : undefined;
    if (!answer?.success) {
      return {
        ok: false,
        unknown: false,
        code: 'UPSTREAM_BAD_RESPONSE',
        message: `Plaid answered HTTP ${outcome.status} without a usable key when asked for webhook key ${kid}; the webhook can be sent again later.`,
      };
    }
    return { ok: true, key: answer.data.key };
  };
}
