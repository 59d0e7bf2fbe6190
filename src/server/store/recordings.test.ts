import type { Kysely } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database';
import {
  countRecording,
  leaseDue,
  readRecordings,
  recordPoll,
  registerTokens,
  type PollRecord,
  type TokenToRecord,
} from './recordings';
import type { Database } from './schema';
import { BACKENDS, startBackend, type TestBackend } from './test-backends';

let tokenNumber = 0;
function newTokens(count: number): TokenToRecord[] {
  return Array.from({ length: count }, () => {
    tokenNumber += 1;
    const linkToken = `link-sandbox-00000000-0000-4000-9000-${String(tokenNumber).padStart(12, '0')}`;
    return { linkToken, environment: 'sandbox' as const };
  });
}

const shop = { id: 'key-shop', name: 'shop' };
const support = { id: 'key-support', name: 'support' };
const LEASE_MS = 30_000;
const quiet = { logger: pino({ level: 'silent' }) };

function poll(polledAt: Date, nextPollAt: Date | null): PollRecord {
  return {
    polledAt,
    nextPollAt,
    finalPoll: null,
    stopReason: nextPollAt ? null : 'expired',
    lastChangeAt: polledAt,
    lastAnswerHash: 'h',
    expiresAt: null,
    failures: 0,
  };
}

describe.each(BACKENDS)('recordings on %s', (backendName) => {
  let backend: TestBackend;
  let db: Kysely<Database>;
  // Time moves on from test to test, so that tokens due in one are not due in the next.
  let now = new Date('2026-12-05T10:00:00Z');
  const later = (ms: number) => new Date(now.getTime() + ms);

  beforeAll(async () => {
    backend = await startBackend(backendName);
    db = (await openDatabase(backend.location, quiet.logger)).db;
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
    await backend?.done();
  });

  // Leaves nothing due: every token leased so far is polled and given a far next poll.
  async function settle() {
    now = later(60 * 60_000);
    for (const due of await leaseDue(db, 'settle', now, 1000, LEASE_MS))
      await recordPoll(db, 'settle', due.linkToken, poll(now, null));
  }

  it('registers tokens once however often they are sent, and shares them between keys', async () => {
    await settle();
    const [a, b] = newTokens(2);
    expect(await registerTokens(db, [a!, b!], shop, now)).toEqual(new Set([a!.linkToken, b!.linkToken]));
    expect(await registerTokens(db, [a!], shop, now)).toEqual(new Set());
    expect(await registerTokens(db, [a!], support, now)).toEqual(new Set([a!.linkToken]));
    // Registered twice, by two keys: polled once.
    const leased = await leaseDue(db, 'one', now, 100, LEASE_MS);
    expect(leased.map((due) => due.linkToken).sort()).toEqual([a!.linkToken, b!.linkToken].sort());
    expect(leased.find((due) => due.linkToken === a!.linkToken)?.registeredByName).toBe('shop');
  });

  it("shows a key only its own registrations' recordings", async () => {
    await settle();
    const [mine, theirs] = newTokens(2);
    await registerTokens(db, [mine!], shop, now);
    await registerTokens(db, [theirs!], support, now);
    const seen = await readRecordings(db, shop.id, [mine!.linkToken, theirs!.linkToken]);
    expect(seen).toEqual([
      expect.objectContaining({ linkToken: mine!.linkToken, state: 'recording', polls: 0, nextPollAt: now }),
    ]);
  });

  it('leases each due token to one holder until it is polled, and keeps what the poll said', async () => {
    await settle();
    const [token] = newTokens(1);
    await registerTokens(db, [token!], shop, now);
    const [leased] = await leaseDue(db, 'one', now, 10, LEASE_MS);
    expect(leased?.linkToken).toBe(token!.linkToken);
    // Leased: nobody else gets it, not even once its poll time has long passed.
    expect(await leaseDue(db, 'two', later(LEASE_MS - 1), 10, LEASE_MS)).toEqual([]);

    const next = later(5_000);
    expect(await recordPoll(db, 'one', token!.linkToken, poll(now, next))).toBe(true);
    expect(await leaseDue(db, 'two', later(4_999), 10, LEASE_MS)).toEqual([]);
    expect((await leaseDue(db, 'two', next, 10, LEASE_MS)).map((due) => due.linkToken)).toEqual([
      token!.linkToken,
    ]);
    const [status] = await readRecordings(db, shop.id, [token!.linkToken]);
    expect(status).toMatchObject({ polls: 1, lastPollAt: now, nextPollAt: next });
  });

  it("gives the token to another holder when a lease runs out, and refuses the late holder's poll", async () => {
    await settle();
    const [token] = newTokens(1);
    await registerTokens(db, [token!], shop, now);
    await leaseDue(db, 'crashed', now, 10, LEASE_MS);
    const taken = await leaseDue(db, 'other', later(LEASE_MS + 1), 10, LEASE_MS);
    expect(taken.map((due) => due.linkToken)).toEqual([token!.linkToken]);
    expect(await recordPoll(db, 'crashed', token!.linkToken, poll(now, later(1)))).toBe(false);
    expect(await recordPoll(db, 'other', token!.linkToken, poll(now, later(1)))).toBe(true);
  });

  it('stops a token for good: no longer due, no longer counted as recording', async () => {
    await settle();
    const before = await countRecording(db);
    const [token] = newTokens(1);
    await registerTokens(db, [token!], shop, now);
    expect(await countRecording(db)).toBe(before + 1);
    await leaseDue(db, 'one', now, 10, LEASE_MS);
    await recordPoll(db, 'one', token!.linkToken, poll(now, null));
    expect(await countRecording(db)).toBe(before);
    expect(await leaseDue(db, 'one', later(24 * 60 * 60_000), 10, LEASE_MS)).toEqual([]);
    const [status] = await readRecordings(db, shop.id, [token!.linkToken]);
    expect(status).toMatchObject({ state: 'stopped', stopReason: 'expired', nextPollAt: null });
  });

  it('keeps the schedule across a restart', async () => {
    await settle();
    const [token] = newTokens(1);
    await registerTokens(db, [token!], shop, now);
    await db.destroy();
    db = (await openDatabase(backend.location, quiet.logger)).db;
    expect((await leaseDue(db, 'one', now, 10, LEASE_MS)).map((due) => due.linkToken)).toEqual([
      token!.linkToken,
    ]);
  }, 30_000);
});

describe('two instances on one PostgreSQL', () => {
  let backend: TestBackend;
  let instances: Kysely<Database>[];

  beforeAll(async () => {
    backend = await startBackend('postgresql');
    instances = [
      (await openDatabase(backend.location, quiet.logger)).db,
      (await openDatabase(backend.location, quiet.logger)).db,
    ];
  }, 60_000);
  afterAll(async () => {
    await Promise.all(instances?.map((db) => db.destroy()) ?? []);
    await backend?.done();
  });

  it('lease different tokens when they ask at the same moment', async () => {
    const now = new Date('2026-12-05T10:00:00Z');
    const tokens = newTokens(40);
    await registerTokens(instances[0]!, tokens, shop, now);
    // Several rounds at once from each instance, each taking a few: SKIP LOCKED hands them out.
    const rounds = await Promise.all(
      Array.from({ length: 10 }, (_, round) =>
        leaseDue(instances[round % 2]!, `instance-${round % 2}`, now, 6, LEASE_MS),
      ),
    );
    const leased = rounds.flat().map((due) => due.linkToken);
    expect(leased.length).toBe(new Set(leased).size);
    expect(new Set(leased).size).toBeGreaterThanOrEqual(Math.min(40, 6 * 2));
    // And whatever was not leased yet, one more round from either takes, still each once.
    const rest = (await leaseDue(instances[1]!, 'instance-1', now, 100, LEASE_MS)).map(
      (due) => due.linkToken,
    );
    expect([...leased, ...rest].sort()).toEqual(tokens.map((token) => token.linkToken).sort());
  });
});
