import { sql, type Kysely } from 'kysely';
import type { PlaidEnvironment } from '../../shared/link-token';
import type { StopReason } from '../recorder/schedule';
import type { Database } from './schema';

// The recorder's schedule in the store, so that it survives restarts and is shared by every
// instance on one PostgreSQL. Each token is polled by one instance at a time: an instance leases
// the tokens that are due (FOR UPDATE SKIP LOCKED, so instances asking at once take different
// ones), polls them, and writes the next poll time back; a lease left by a crashed instance runs
// out and another takes the token over.

export type RegisteringKey = { id: string; name: string };
export type TokenToRecord = { linkToken: string; environment: PlaidEnvironment };

// What a key sees of a recording it registered.
export type RecordingStatus = {
  linkToken: string;
  environment: PlaidEnvironment;
  registeredAt: Date;
  state: 'recording' | 'stopped';
  stopReason: StopReason | null;
  nextPollAt: Date | null;
  lastPollAt: Date | null;
  lastChangeAt: Date;
  polls: number;
};

// A token leased for polling, with what the schedule needs.
export type DueRecording = {
  linkToken: string;
  environment: PlaidEnvironment;
  registeredByName: string;
  registeredAt: Date;
  lastChangeAt: Date;
  lastAnswerHash: string | null;
  expiresAt: Date | null;
  finalPoll: StopReason | null;
  failures: number;
};

// What a poll changes. nextPollAt null: stopped for good.
export type PollRecord = {
  polledAt: Date;
  nextPollAt: Date | null;
  finalPoll: StopReason | null;
  stopReason: StopReason | null;
  lastChangeAt: Date;
  lastAnswerHash: string | null;
  expiresAt: Date | null;
  failures: number;
};

// Registers tokens for a key; registering again is harmless. Answers the tokens this key had not
// registered before; a token already recorded for another key is shared, not polled twice.
export async function registerTokens(
  db: Kysely<Database>,
  tokens: readonly TokenToRecord[],
  key: RegisteringKey,
  now: Date,
): Promise<Set<string>> {
  if (tokens.length === 0) return new Set();
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('recordings')
      .values(
        tokens.map((token) => ({
          link_token: token.linkToken,
          environment: token.environment,
          registered_by: key.id,
          registered_by_name: key.name,
          registered_at: now,
          state: 'recording' as const,
          next_poll_at: now,
          last_change_at: now,
        })),
      )
      .onConflict((conflict) => conflict.column('link_token').doNothing())
      .execute();
    const added = await trx
      .insertInto('recording_registrations')
      .values(
        tokens.map((token) => ({ link_token: token.linkToken, api_key_id: key.id, registered_at: now })),
      )
      .onConflict((conflict) => conflict.columns(['link_token', 'api_key_id']).doNothing())
      .returning('link_token')
      .execute();
    return new Set(added.map((row) => row.link_token));
  });
}

// The recordings of these tokens that this key registered (others are not its business).
export async function readRecordings(
  db: Kysely<Database>,
  keyId: string,
  linkTokens: readonly string[],
): Promise<RecordingStatus[]> {
  if (linkTokens.length === 0) return [];
  const rows = await db
    .selectFrom('recording_registrations as r')
    .innerJoin('recordings as s', 's.link_token', 'r.link_token')
    .select([
      's.link_token',
      's.environment',
      'r.registered_at',
      's.state',
      's.stop_reason',
      's.next_poll_at',
      's.last_poll_at',
      's.last_change_at',
      's.polls',
    ])
    .where('r.api_key_id', '=', keyId)
    .where('r.link_token', 'in', linkTokens)
    .execute();
  return rows.map((row) => ({
    linkToken: row.link_token,
    environment: row.environment as PlaidEnvironment,
    registeredAt: row.registered_at,
    state: row.state,
    stopReason: row.stop_reason as StopReason | null,
    nextPollAt: row.next_poll_at,
    lastPollAt: row.last_poll_at,
    lastChangeAt: row.last_change_at,
    polls: row.polls,
  }));
}

// Leases up to `limit` tokens due for a poll to `holder` until now + leaseMs. Rows another instance
// is leasing at this moment are skipped, not waited for; so are leases still running.
export async function leaseDue(
  db: Kysely<Database>,
  holder: string,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<DueRecording[]> {
  if (limit <= 0) return [];
  const due = db
    .selectFrom('recordings')
    .select('link_token')
    .where('state', '=', 'recording')
    .where('next_poll_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .orderBy('next_poll_at')
    .limit(limit)
    .forUpdate()
    .skipLocked();
  const rows = await db
    .updateTable('recordings')
    .set({ lease_holder: holder, lease_until: new Date(now.getTime() + leaseMs) })
    .where('link_token', 'in', due)
    .returningAll()
    .execute();
  return rows.map((row) => ({
    linkToken: row.link_token,
    environment: row.environment as PlaidEnvironment,
    registeredByName: row.registered_by_name,
    registeredAt: row.registered_at,
    lastChangeAt: row.last_change_at,
    lastAnswerHash: row.last_answer_hash,
    expiresAt: row.expires_at,
    finalPoll: row.final_poll as StopReason | null,
    failures: row.failures,
  }));
}

// Writes a poll's outcome and gives the lease back; false when the lease was no longer this
// holder's (it ran out and another instance took the token: its poll counts, not this one).
export async function recordPoll(
  db: Kysely<Database>,
  holder: string,
  linkToken: string,
  poll: PollRecord,
): Promise<boolean> {
  const result = await db
    .updateTable('recordings')
    .set({
      state: poll.nextPollAt ? 'recording' : 'stopped',
      stop_reason: poll.stopReason,
      next_poll_at: poll.nextPollAt,
      final_poll: poll.finalPoll,
      last_poll_at: poll.polledAt,
      last_change_at: poll.lastChangeAt,
      last_answer_hash: poll.lastAnswerHash,
      expires_at: poll.expiresAt,
      failures: poll.failures,
      polls: sql<number>`polls + 1`,
      lease_holder: null,
      lease_until: null,
    })
    .where('link_token', '=', linkToken)
    .where('lease_holder', '=', holder)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

// Tokens this key registered since `since` (the registration cap per key and minute).
export async function countRegisteredSince(
  db: Kysely<Database>,
  keyId: string,
  since: Date,
): Promise<number> {
  const row = await db
    .selectFrom('recording_registrations')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('api_key_id', '=', keyId)
    .where('registered_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function countRecording(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('recordings')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('state', '=', 'recording')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

// The recorder's part of the Store (store.ts), each call counted and logged by the store's attempt().
export type Recordings = {
  register(tokens: readonly TokenToRecord[], key: RegisteringKey, now: Date): Promise<Set<string>>;
  read(keyId: string, linkTokens: readonly string[]): Promise<RecordingStatus[]>;
  leaseDue(holder: string, now: Date, limit: number, leaseMs: number): Promise<DueRecording[]>;
  recordPoll(holder: string, linkToken: string, poll: PollRecord): Promise<boolean>;
  countRegisteredSince(keyId: string, since: Date): Promise<number>;
  countRecording(): Promise<number>;
};

export function recordingsIn(
  db: Kysely<Database>,
  attempt: <T>(operation: string, work: () => Promise<T>) => Promise<T>,
): Recordings {
  return {
    register: (tokens, key, now) =>
      attempt('recordings_register', () => registerTokens(db, tokens, key, now)),
    read: (keyId, linkTokens) => attempt('recordings_read', () => readRecordings(db, keyId, linkTokens)),
    leaseDue: (holder, now, limit, leaseMs) =>
      attempt('recordings_lease', () => leaseDue(db, holder, now, limit, leaseMs)),
    recordPoll: (holder, linkToken, poll) =>
      attempt('recordings_poll', () => recordPoll(db, holder, linkToken, poll)),
    countRegisteredSince: (keyId, since) =>
      attempt('recordings_read', () => countRegisteredSince(db, keyId, since)),
    countRecording: () => countRecording(db),
  };
}
