import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { QaProfile, QaProfileInput } from '../../shared/checks/qa-profile';
import type { Database } from './schema';

// QA profiles (issue 30): what a link token should be, kept for the whole team. The id is made
// once and never changes, so `?expect=<id>` links and CI calls keep working after edits.

export type QaProfileStore = {
  create(input: QaProfileInput, by: string): Promise<QaProfile>;
  // An import: every profile or none (one transaction), in the order given.
  createMany(inputs: readonly QaProfileInput[], by: string): Promise<QaProfile[]>;
  // Every profile, by name.
  list(): Promise<QaProfile[]>;
  get(id: string): Promise<QaProfile | undefined>;
  // undefined when there is no profile with this id.
  update(id: string, input: QaProfileInput, by: string): Promise<QaProfile | undefined>;
  // false when there was no profile with this id.
  remove(id: string): Promise<boolean>;
};

// store.ts's wrapper that counts, logs and marks failures.
type Attempt = <T>(operation: string, work: () => Promise<T>) => Promise<T>;

export function qaProfileStore(db: Kysely<Database>, attempt: Attempt): QaProfileStore {
  return {
    create: (input, by) => attempt('qa_profile_create', () => createQaProfile(db, input, by, new Date())),
    createMany: (inputs, by) =>
      attempt('qa_profile_create', () =>
        db.transaction().execute(async (trx) => {
          const created: QaProfile[] = [];
          for (const input of inputs) created.push(await createQaProfile(trx, input, by, new Date()));
          return created;
        }),
      ),
    list: () => attempt('qa_profile_list', () => listQaProfiles(db)),
    get: (id) => attempt('qa_profile_get', () => getQaProfile(db, id)),
    update: (id, input, by) =>
      attempt('qa_profile_update', () => updateQaProfile(db, id, input, by, new Date())),
    remove: (id) => attempt('qa_profile_delete', () => deleteQaProfile(db, id)),
  };
}

export async function createQaProfile(
  db: Kysely<Database>,
  input: QaProfileInput,
  by: string,
  now: Date,
): Promise<QaProfile> {
  const row = await db
    .insertInto('qa_profiles')
    .values({
      id: `qap_${randomUUID()}`,
      name: input.name,
      description: input.description ?? null,
      expectations: JSON.stringify(input.expectations),
      created_by: by,
      created_at: now,
      updated_by: by,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toProfile(row);
}

export async function listQaProfiles(db: Kysely<Database>): Promise<QaProfile[]> {
  const rows = await db.selectFrom('qa_profiles').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(toProfile);
}

export async function getQaProfile(db: Kysely<Database>, id: string): Promise<QaProfile | undefined> {
  const row = await db.selectFrom('qa_profiles').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toProfile(row);
}

export async function updateQaProfile(
  db: Kysely<Database>,
  id: string,
  input: QaProfileInput,
  by: string,
  now: Date,
): Promise<QaProfile | undefined> {
  const row = await db
    .updateTable('qa_profiles')
    .set({
      name: input.name,
      description: input.description ?? null,
      expectations: JSON.stringify(input.expectations),
      updated_by: by,
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toProfile(row);
}

export async function deleteQaProfile(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('qa_profiles').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

function toProfile(row: Selectable<Database['qa_profiles']>): QaProfile {
  return {
    id: row.id,
    name: row.name,
    ...(row.description === null ? {} : { description: row.description }),
    expectations: row.expectations as QaProfile['expectations'],
    created_by: row.created_by,
    created_at: row.created_at.toISOString(),
    updated_by: row.updated_by,
    updated_at: row.updated_at.toISOString(),
  };
}
