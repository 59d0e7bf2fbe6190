import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyStore, type ApiKeyStore } from './api-keys';
import { openDatabase } from './open-database';
import type { Database } from './schema';
import { BACKENDS, startBackend, type TestBackend } from './test-backends';

describe.each(BACKENDS)('API keys on %s', (backendName) => {
  let backend: TestBackend;
  let db: Kysely<Database>;
  let keys: ApiKeyStore;

  beforeAll(async () => {
    backend = await startBackend(backendName);
    db = (await openDatabase(backend.location, pino({ level: 'silent' }))).db;
    keys = apiKeyStore(db, (_operation, work) => work());
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
    await backend?.done();
  });

  it('makes a random key, shown once, and keeps only its SHA-256', async () => {
    const { key, record } = await keys.create({
      name: 'billing backend',
      scopes: ['recordings:write'],
      createdBy: 'ana',
    });
    expect(key).toMatch(/^lti_[A-Za-z0-9_-]{43}$/);
    expect(record).toMatchObject({
      name: 'billing backend',
      scopes: ['recordings:write'],
      createdBy: 'ana',
      lastUsedAt: null,
      revokedAt: null,
      revokedBy: null,
    });

    const rows = await db.selectFrom('api_keys').selectAll().where('id', '=', record.id).execute();
    expect(rows[0]?.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(key.slice(4));

    const another = await keys.create({ name: 'another', scopes: ['mcp'], createdBy: 'ana' });
    expect(another.key).not.toBe(key);
  });

  it('finds a key by itself, and nothing for a key it did not make', async () => {
    const { key, record } = await keys.create({
      name: 'reader',
      scopes: ['recordings:read', 'mcp'],
      createdBy: 'bob',
    });
    expect(await keys.find(key)).toEqual(record);
    const lastChar = key.endsWith('A') ? 'B' : 'A';
    expect(await keys.find(key.slice(0, -1) + lastChar)).toBeUndefined();
    expect(await keys.find('not-a-key')).toBeUndefined();
    expect(await keys.find('')).toBeUndefined();
  });

  it('lists every key newest first, revoked ones too, never the key', async () => {
    const older = await keys.create({ name: 'older', scopes: ['mcp'], createdBy: 'ana' });
    // Keys made in one millisecond have no order between them.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await keys.create({ name: 'newer', scopes: ['mcp'], createdBy: 'ana' });
    await keys.revoke(older.record.id, 'bob');

    const listed = await keys.list();
    const names = listed.map((record) => record.name);
    expect(names.indexOf('newer')).toBeLessThan(names.indexOf('older'));
    expect(listed.find((record) => record.id === older.record.id)?.revokedBy).toBe('bob');
    expect(JSON.stringify(listed)).not.toContain(newer.key);
    expect(Object.keys(listed[0]!)).not.toContain('key');
  });

  it('revokes a key at once; a second revocation keeps the first', async () => {
    const { key, record } = await keys.create({
      name: 'to revoke',
      scopes: ['recordings:write'],
      createdBy: 'ana',
    });
    const revoked = await keys.revoke(record.id, 'bob');
    expect(revoked?.revokedAt).toBeInstanceOf(Date);
    expect(revoked?.revokedBy).toBe('bob');
    expect((await keys.find(key))?.revokedAt).toEqual(revoked?.revokedAt);

    const again = await keys.revoke(record.id, 'carol');
    expect(again?.revokedBy).toBe('bob');
    expect(again?.revokedAt).toEqual(revoked?.revokedAt);
    expect(await keys.revoke('no-such-id', 'bob')).toBeUndefined();
  });

  it('writes when a key was last used, at most once a minute', async () => {
    const { key, record } = await keys.create({ name: 'used', scopes: ['mcp'], createdBy: 'ana' });
    await keys.markUsed(record.id);
    const first = (await keys.find(key))?.lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await keys.markUsed(record.id);
    expect((await keys.find(key))?.lastUsedAt).toEqual(first);
  });
});
