import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import {
  ApiKeyCreateRequestSchema,
  API_KEY_NAME_MAX_CHARS,
  API_KEY_SCOPES,
  type ApiKeyCreated,
  type ApiKeyList,
  type ApiKeySummary,
} from '../../shared/schemas/api-keys';
import type { AppEnv } from '../app-env';
import type { Config } from '../config';
import { respondWithProxyError } from '../proxy-error-response';
import type { ApiKeyRecord } from '../store/api-keys';
import type { Store } from '../store/store';

// /api/keys: a signed-in user makes, lists and revokes API keys for machine clients
// (auth/api-keys.ts checks them). These routes sit behind the user sign-in like the rest of the
// API: a key cannot manage keys. Making and revoking are written to the audit log, never the key.

const NO_STORE =
  'API keys live in the inspector’s store, and this server runs without one: start it with its store (DATA_DIR or DATABASE_URL).';
const STORE_DOWN = 'The store that holds API keys cannot be reached right now; try again in a moment.';

export function apiKeysRoutes(config: Config, store: Store | undefined) {
  const signIn = config.security.access.kind !== 'none';
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      if (!store) return respondWithProxyError(c, 'STORE_UNAVAILABLE', NO_STORE);
      let records;
      try {
        records = await store.apiKeys.list();
      } catch {
        return respondWithProxyError(c, 'STORE_UNAVAILABLE', STORE_DOWN);
      }
      const list: ApiKeyList = { keys: records.map(summary), sign_in: signIn };
      return c.json(list);
    })
    .post(
      '/',
      zValidator('json', ApiKeyCreateRequestSchema, (result, c) => {
        if (!result.success)
          return respondWithProxyError(
            c,
            'INVALID_BODY',
            `Send {"name": "…", "scopes": […]}: a name of 1 to ${API_KEY_NAME_MAX_CHARS} characters and one or more of the scopes ${API_KEY_SCOPES.join(', ')}.`,
          );
      }),
      async (c) => {
        if (!store) return respondWithProxyError(c, 'STORE_UNAVAILABLE', NO_STORE);
        const { name, scopes } = c.req.valid('json');
        const user = c.get('user');
        let created;
        try {
          created = await store.apiKeys.create({ name, scopes, createdBy: user });
        } catch {
          return respondWithProxyError(c, 'STORE_UNAVAILABLE', STORE_DOWN);
        }
        c.get('log').info(
          { audit: 'api_key.create', user, api_key_id: created.record.id, api_key_name: name, scopes },
          'API key made',
        );
        const answer: ApiKeyCreated = { ...summary(created.record), key: created.key };
        return c.json(answer, 201);
      },
    )
    .delete('/:id', async (c) => {
      if (!store) return respondWithProxyError(c, 'STORE_UNAVAILABLE', NO_STORE);
      const user = c.get('user');
      let revoked;
      try {
        revoked = await store.apiKeys.revoke(c.req.param('id'), user);
      } catch {
        return respondWithProxyError(c, 'STORE_UNAVAILABLE', STORE_DOWN);
      }
      if (!revoked) return respondWithProxyError(c, 'NOT_FOUND', 'There is no API key with this id.');
      c.get('log').info(
        { audit: 'api_key.revoke', user, api_key_id: revoked.id, api_key_name: revoked.name },
        'API key revoked',
      );
      return c.json(summary(revoked));
    });
}

function summary(record: ApiKeyRecord): ApiKeySummary {
  return {
    id: record.id,
    name: record.name,
    scopes: record.scopes,
    created_by: record.createdBy,
    created_at: record.createdAt.toISOString(),
    last_used_at: record.lastUsedAt?.toISOString() ?? null,
    revoked_at: record.revokedAt?.toISOString() ?? null,
    revoked_by: record.revokedBy,
  };
}
