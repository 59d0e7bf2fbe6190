import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { API_KEY_SCOPES, type ApiKeyScope } from '../../shared/schemas/api-keys';
import type { Database } from './schema';

// The store's API keys for machine clients (auth/api-keys.ts checks them on each request). A key
// is shown once, when it is made; the store keeps only its SHA-256.
//
// Why SHA-256 and not bcrypt, as for passwords: a key is 32 random bytes (256 bits), so there is
// no dictionary to try and no guess worth making; a slow hash protects guessable secrets, and
// would only make every machine request burn CPU. A fast, unsalted hash also lets the key be found
// by an indexed equality lookup on its hash, so no stored value is ever compared with the key.

// "lti_" tells a leaked key apart (secret scanners, logs); then 32 random bytes in base64url.
const KEY_PREFIX = 'lti_';
const KEY_PATTERN = /^lti_[A-Za-z0-9_-]{43}$/;
// last_used_at is a hint for people cleaning up keys, not an audit (the log is): written at most
// this often per key, so a busy client costs no write per request.
const MARK_USED_EVERY_MS = 60_000;

export type ApiKeyRecord = {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
};

export type NewApiKey = { name: string; scopes: readonly ApiKeyScope[]; createdBy: string };

export type ApiKeyStore = {
  // Makes a key: the only time `key` exists outside the client that receives it.
  create(input: NewApiKey): Promise<{ key: string; record: ApiKeyRecord }>;
  // Every key, newest first, revoked ones included.
  list(): Promise<ApiKeyRecord[]>;
  // Revokes a key at once (a key revoked before keeps its first revocation); undefined when there
  // is no key with this id.
  revoke(id: string, by: string): Promise<ApiKeyRecord | undefined>;
  // The key's record, revoked or not, read from the database on every call (no cache: a key
  // revoked on any instance stops working on every instance at once); undefined when no key made
  // here is this one.
  find(key: string): Promise<ApiKeyRecord | undefined>;
  markUsed(id: string): Promise<void>;
};

// store.ts's wrapper that counts, logs and marks failures.
type Attempt = <T>(operation: string, work: () => Promise<T>) => Promise<T>;

export function apiKeyStore(db: Kysely<Database>, attempt: Attempt): ApiKeyStore {
  // When this instance last wrote last_used_at, by key id (at most one entry per key).
  const markedAt = new Map<string, number>();
  return {
    create: (input) => attempt('api_key_create', () => createApiKey(db, input, new Date())),
    list: () => attempt('api_key_list', () => listApiKeys(db)),
    revoke: (id, by) => attempt('api_key_revoke', () => revokeApiKey(db, id, by, new Date())),
    find: (key) => attempt('api_key_find', () => findApiKey(db, key)),
    async markUsed(id) {
      const now = Date.now();
      if (now - (markedAt.get(id) ?? 0) < MARK_USED_EVERY_MS) return;
      markedAt.set(id, now);
      await attempt('api_key_mark_used', () => markApiKeyUsed(db, id, new Date(now)));
    },
  };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export async function createApiKey(
  db: Kysely<Database>,
  input: NewApiKey,
  now: Date,
): Promise<{ key: string; record: ApiKeyRecord }> {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  const row = await db
    .insertInto('api_keys')
    .values({
      id: randomUUID(),
      name: input.name,
      key_hash: hashApiKey(key),
      scopes: JSON.stringify(input.scopes),
      created_by: input.createdBy,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { key, record: toRecord(row) };
}

export async function listApiKeys(db: Kysely<Database>): Promise<ApiKeyRecord[]> {
  const rows = await db
    .selectFrom('api_keys')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toRecord);
}

export async function revokeApiKey(
  db: Kysely<Database>,
  id: string,
  by: string,
  now: Date,
): Promise<ApiKeyRecord | undefined> {
  await db
    .updateTable('api_keys')
    .set({ revoked_at: now, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
  const row = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export async function findApiKey(db: Kysely<Database>, key: string): Promise<ApiKeyRecord | undefined> {
  // Anything not shaped like our keys cannot be one: no query for it.
  if (!KEY_PATTERN.test(key)) return undefined;
  const row = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('key_hash', '=', hashApiKey(key))
    .executeTakeFirst();
  return row && toRecord(row);
}

export async function markApiKeyUsed(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
}

function toRecord(row: Selectable<Database['api_keys']>): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    // Only scopes known today count: a scope a later version added and this one does not know
    // opens nothing here.
    scopes: (row.scopes as string[]).filter((scope): scope is ApiKeyScope =>
      (API_KEY_SCOPES as readonly string[]).includes(scope),
    ),
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
  };
}
