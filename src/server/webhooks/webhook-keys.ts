import { importJWK, type CryptoKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { PlaidEnvironment } from '../../shared/link-token';
import type { ProxyErrorCode } from '../../shared/schemas/proxy-error';

// The public keys Plaid signs webhooks with, fetched by kid from /webhook_verification_key/get and
// kept a while: Plaid uses one key for many webhooks, and rotates rarely. A kid this server has not
// seen costs a call to Plaid, so such fetches are capped per minute (a flood of made-up kids must
// not spend the server's Plaid quota). A key past its expired_at is refused, cached or not.

// Plaid's JWKPublicKey (OpenAPI 2020-09-14), the fields verification needs.
export const PlaidWebhookKeySchema = z.looseObject({
  kid: z.string(),
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  alg: z.literal('ES256'),
  x: z.string(),
  y: z.string(),
  // Unix seconds; null while the key is current.
  expired_at: z.number().nullable(),
});
export type PlaidWebhookKey = z.infer<typeof PlaidWebhookKeySchema>;

// What asking Plaid for a key came to: the key, "no such key" (Plaid refused the kid), or a failure
// to reach Plaid or read its answer (passed on, so that Plaid sends the webhook again later).
export type KeyFetch =
  | { ok: true; key: PlaidWebhookKey }
  | { ok: false; unknown: true }
  | { ok: false; unknown: false; code: ProxyErrorCode; message: string };

export type KeyLookup =
  | { ok: true; key: CryptoKey }
  | { ok: false; step?: 'unknown key' | 'expired key'; code: ProxyErrorCode; message: string };

export type WebhookKeys = { get(environment: PlaidEnvironment, kid: string): Promise<KeyLookup> };

// Long enough to spare Plaid a call per webhook, short enough that a key Plaid expires is seen as
// expired soon after.
const KEY_TTL_MS = 15 * 60 * 1000;
const WINDOW_MS = 60_000;
export const UNKNOWN_KID_FETCHES_PER_MINUTE = 10;

type Known = { key: CryptoKey; expiredAt: number | null };

export function createWebhookKeys(options: {
  fetchKey: (environment: PlaidEnvironment, kid: string) => Promise<KeyFetch>;
  now?: () => Date;
}): WebhookKeys {
  const now = options.now ?? (() => new Date());
  const known = new LRUCache<string, Known>({ max: 100, ttl: KEY_TTL_MS });
  // Fetches in progress, so that a burst of webhooks signed with a new key asks Plaid once.
  const fetching = new Map<string, Promise<Known | KeyLookup>>();
  let window = { startedAt: 0, fetches: 0 };

  function takeFetch(): boolean {
    const at = now().getTime();
    if (at - window.startedAt >= WINDOW_MS) window = { startedAt: at, fetches: 0 };
    if (window.fetches >= UNKNOWN_KID_FETCHES_PER_MINUTE) return false;
    window.fetches += 1;
    return true;
  }

  async function fetchKnown(environment: PlaidEnvironment, kid: string): Promise<Known | KeyLookup> {
    const fetched = await options.fetchKey(environment, kid);
    if (!fetched.ok && fetched.unknown) {
      return {
        ok: false,
        step: 'unknown key',
        code: 'UNAUTHORIZED',
        message: `Plaid's ${environment} environment has no webhook key ${kid}: the webhook was not signed by Plaid.`,
      };
    }
    if (!fetched.ok) return { ok: false, code: fetched.code, message: fetched.message };
    const { kty, crv, x, y, expired_at } = fetched.key;
    const key = (await importJWK({ kty, crv, x, y }, 'ES256')) as CryptoKey;
    const entry = { key, expiredAt: expired_at };
    known.set(`${environment} ${kid}`, entry);
    return entry;
  }

  return {
    async get(environment, kid) {
      const name = `${environment} ${kid}`;
      let found: Known | KeyLookup | undefined = known.get(name);
      if (!found) {
        let pending = fetching.get(name);
        if (!pending) {
          if (!takeFetch()) {
            return {
              ok: false,
              code: 'RATE_LIMITED',
              message: `Too many webhooks signed with keys this server has not seen: it asks Plaid for at most ${UNKNOWN_KID_FETCHES_PER_MINUTE} new keys a minute. Try again in a minute.`,
            };
          }
          pending = fetchKnown(environment, kid).finally(() => fetching.delete(name));
          fetching.set(name, pending);
        }
        found = await pending;
      }
      if ('ok' in found) return found;
      if (found.expiredAt !== null && found.expiredAt * 1000 <= now().getTime()) {
        return {
          ok: false,
          step: 'expired key',
          code: 'UNAUTHORIZED',
          message: `Plaid's webhook key ${kid} expired at ${new Date(found.expiredAt * 1000).toISOString()}: webhooks signed with it are refused.`,
        };
      }
      return { ok: true, key: found.key };
    },
  };
}
