import type { Kysely } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QaProfileInput } from '../../shared/checks/qa-profile';
import { openDatabase } from './open-database';
import { qaProfileStore, type QaProfileStore } from './qa-profiles';
import type { Database } from './schema';
import { BACKENDS, startBackend, type TestBackend } from './test-backends';

const updateMode: QaProfileInput = {
  name: 'Update mode, US',
  description: 'The token our app makes when a login expires',
  expectations: {
    products: { initial_products: ['transactions'] },
    country_codes: ['US'],
    webhook: null,
    lifetime_minutes: 30,
    outcome: { kind: 'linked', institution: 'First Platypus Bank' },
  },
};

describe.each(BACKENDS)('QA profiles on %s', (backendName) => {
  let backend: TestBackend;
  let db: Kysely<Database>;
  let profiles: QaProfileStore;

  beforeAll(async () => {
    backend = await startBackend(backendName);
    db = (await openDatabase(backend.location, pino({ level: 'silent' }))).db;
    profiles = qaProfileStore(db, (_operation, work) => work());
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
    await backend?.done();
  });

  it('keeps a profile with its expectations as given, and who made it', async () => {
    const created = await profiles.create(updateMode, 'ana');
    expect(created).toMatchObject({ ...updateMode, created_by: 'ana', updated_by: 'ana' });
    expect(created.id).toMatch(/^qap_/);
    expect(await profiles.get(created.id)).toEqual(created);
    // null (must have none) survives the round trip, unlike a missing key.
    expect((await profiles.get(created.id))?.expectations.webhook).toBeNull();
  });

  it('lists profiles by name', async () => {
    await profiles.create({ name: 'zeta', expectations: {} }, 'ana');
    await profiles.create({ name: 'alpha', expectations: { language: 'en' } }, 'bob');
    const names = (await profiles.list()).map((profile) => profile.name);
    expect(names.indexOf('alpha')).toBeLessThan(names.indexOf('zeta'));
    expect(names).toContain('Update mode, US');
  });

  it('updates a profile in place: same id, new expectations, who changed it', async () => {
    const created = await profiles.create({ name: 'to edit', expectations: { language: 'en' } }, 'ana');
    const updated = await profiles.update(
      created.id,
      { name: 'edited', expectations: { country_codes: ['GB'] } },
      'bob',
    );
    expect(updated).toMatchObject({
      id: created.id,
      name: 'edited',
      expectations: { country_codes: ['GB'] },
      created_by: 'ana',
      created_at: created.created_at,
      updated_by: 'bob',
    });
    expect(updated).not.toHaveProperty('description');
    expect(await profiles.get(created.id)).toEqual(updated);
    expect(await profiles.update('qap_missing', updateMode, 'bob')).toBeUndefined();
  });

  it('imports several profiles at once, or none when one cannot be written', async () => {
    const created = await profiles.createMany(
      [
        { name: 'imported one', expectations: {} },
        { name: 'imported two', expectations: { language: 'fr' } },
      ],
      'carol',
    );
    expect(created.map((profile) => profile.name)).toEqual(['imported one', 'imported two']);
    expect(new Set(created.map((profile) => profile.id)).size).toBe(2);

    const before = (await profiles.list()).length;
    // A name with a NUL byte is refused by PostgreSQL: the first profile must not stay behind.
    await expect(
      profiles.createMany(
        [
          { name: 'fine', expectations: {} },
          { name: 'bad\u0000name', expectations: {} },
        ],
        'carol',
      ),
    ).rejects.toThrow();
    expect((await profiles.list()).length).toBe(before);
  });

  it('deletes a profile; a second delete finds nothing', async () => {
    const created = await profiles.create({ name: 'to delete', expectations: {} }, 'ana');
    expect(await profiles.remove(created.id)).toBe(true);
    expect(await profiles.get(created.id)).toBeUndefined();
    expect(await profiles.remove(created.id)).toBe(false);
  });
});
