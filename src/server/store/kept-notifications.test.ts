import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LinkTokenGetResponse } from '../../shared/schemas/link-token-get-response';
import { makeResponse } from '../../shared/test/fixtures';
import { answerHash } from './answer-hash';
import { openStore, type PlaidAnswerSeen, type Store } from './store';
import { startBackend, type TestBackend } from './test-backends';

// Two instances on one PostgreSQL each remember their lookups' reads (lookup-cache.ts): a write on
// one reaches the other's lookups within moments, by PostgreSQL's notifications, and an instance
// that is not listening reads the store rather than what it remembers.

// Notifications arrive within milliseconds; this bound leaves room for a loaded machine.
const SEEN_WITHIN_MS = 2_000;

let tokenNumber = 0;
function newToken(): string {
  tokenNumber += 1;
  return `link-sandbox-33333333-0000-4000-8000-${String(tokenNumber).padStart(12, '0')}`;
}

function seen(answer: LinkTokenGetResponse): PlaidAnswerSeen {
  return {
    linkToken: answer.link_token,
    environment: 'sandbox',
    body: new TextEncoder().encode(JSON.stringify(answer)),
    source: 'lookup',
    seenBy: 'ana',
  };
}

function answer(linkToken: string, clientName: string): LinkTokenGetResponse {
  return makeResponse({
    link_token: linkToken,
    metadata: { ...makeResponse().metadata, client_name: clientName },
  });
}
const hashOf = (kept: LinkTokenGetResponse) => answerHash(new TextEncoder().encode(JSON.stringify(kept)));

describe('lookups on two instances on one PostgreSQL', () => {
  let backend: TestBackend;
  let a: Store;
  let b: Store;
  let admin: pg.Client;
  let database: string;
  beforeAll(async () => {
    backend = await startBackend('postgresql');
    const quiet = pino({ level: 'silent' });
    const open = () => openStore({ location: backend.location, retentionDays: 30 }, quiet);
    [a, b] = [await open(), await open()];
    // Connected to another database of the server, so that it can close the stores' to new connections.
    const url = new URL(backend.postgres!.url);
    database = url.pathname.slice(1);
    url.pathname = '/template1';
    admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
  }, 60_000);
  afterAll(async () => {
    await admin?.end();
    await Promise.all([a?.close(), b?.close()]);
    await backend?.done();
  });

  // Each instance listens once its connection is up; a lookup before then reads the store.
  async function listeners(): Promise<number[]> {
    const { rows } = await admin.query<{ pid: number }>(
      "select pid from pg_stat_activity where query like 'LISTEN%'",
    );
    return rows.map((row) => row.pid);
  }

  async function keepOn(store: Store, kept: LinkTokenGetResponse): Promise<void> {
    store.keep(seen(kept));
    await store.idle();
  }

  async function seesOn(store: Store, linkToken: string, expected: string | undefined): Promise<void> {
    const started = performance.now();
    await vi.waitFor(async () => expect((await store.readForLookup(linkToken))?.answerHash).toBe(expected), {
      timeout: SEEN_WITHIN_MS,
      interval: 5,
    });
    expect(performance.now() - started).toBeLessThan(SEEN_WITHIN_MS);
  }

  it("sees the other instance's new answer, removal and purge within moments of its commit", async () => {
    await vi.waitFor(async () => expect(await listeners()).toHaveLength(2), { timeout: 5_000 });
    const token = newToken();
    const first = answer(token, 'Acme Budget');
    await keepOn(a, first);
    // B reads it, and remembers the read.
    expect((await b.readForLookup(token))?.answerHash).toBe(hashOf(first));
    expect((await b.readForLookup(token))?.answerHash).toBe(hashOf(first));

    const changed = answer(token, 'Acme Savings');
    await keepOn(a, changed);
    await seesOn(b, token, hashOf(changed));

    await a.remove([token]);
    await seesOn(b, token, undefined);

    // A token B remembers as unknown is seen once A keeps it.
    const later = newToken();
    expect(await b.readForLookup(later)).toBeUndefined();
    await keepOn(a, answer(later, 'Acme Budget'));
    await seesOn(b, later, hashOf(answer(later, 'Acme Budget')));

    // The purge: every token last seen before the retention goes.
    const direct = new pg.Client({ connectionString: backend.postgres!.url });
    await direct.connect();
    await direct.query(
      "update kept_tokens set last_seen_at = now() - interval '400 days' where link_token = $1",
      [later],
    );
    await direct.end();
    // B still remembers the token (the update above is no store write and tells no one).
    expect(await b.readForLookup(later)).toBeDefined();
    expect(await a.purge()).toBe(1);
    await seesOn(b, later, undefined);
  });

  it('leaves no connection behind, listening or not, when the store cannot be opened', async () => {
    const direct = new pg.Client({ connectionString: backend.postgres!.url });
    await direct.connect();
    const connections = async () =>
      Number(
        (await admin.query('select count(*) as count from pg_stat_activity where datname = $1', [database]))
          .rows[0].count,
      );
    // A migration of a later version: this one refuses to open the store.
    await direct.query(
      "insert into kysely_migration (name, timestamp) values ('999-from-a-later-version', '2099-01-01')",
    );
    try {
      const before = await connections();
      await expect(
        openStore({ location: backend.location, retentionDays: 30 }, pino({ level: 'silent' })),
      ).rejects.toThrow(/migrations could not run/);
      // A listener would have connected within moments.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await listeners()).toHaveLength(2);
      expect(await connections()).toBeLessThanOrEqual(before);
    } finally {
      await direct.query("delete from kysely_migration where name = '999-from-a-later-version'");
      await direct.end();
    }
  });

  it('reads the store while its listening connection is down, and listens again', async () => {
    await vi.waitFor(async () => expect(await listeners()).toHaveLength(2), { timeout: 5_000 });
    const token = newToken();
    await keepOn(a, answer(token, 'Acme Budget'));
    expect((await b.readForLookup(token))?.answerHash).toBe(hashOf(answer(token, 'Acme Budget')));

    // Both listeners go and cannot come back yet (the stores' pools hold connections already). B
    // reads the token meanwhile, then A writes it, notifying no one: yet B's next lookup reads the
    // write, as B reads the store, and remembers nothing, until it listens again.
    await admin.query(`alter database "${database}" allow_connections false`);
    try {
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where query like 'LISTEN%'");
      await vi.waitFor(async () => expect(await listeners()).toHaveLength(0), {
        timeout: 2_000,
        interval: 5,
      });
      // The terminated connection's end reaches B's client within moments.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await b.readForLookup(token))?.answerHash).toBe(hashOf(answer(token, 'Acme Budget')));
      await keepOn(a, answer(token, 'Acme Savings'));
      expect((await b.readForLookup(token))?.answerHash).toBe(hashOf(answer(token, 'Acme Savings')));
    } finally {
      await admin.query(`alter database "${database}" allow_connections true`);
    }

    // Both listen again, and B is told of A's writes as before.
    await vi.waitFor(async () => expect(await listeners()).toHaveLength(2), {
      timeout: 10_000,
      interval: 20,
    });
    expect((await b.readForLookup(token))?.answerHash).toBe(hashOf(answer(token, 'Acme Savings')));
    await keepOn(a, answer(token, 'Acme Checking'));
    await seesOn(b, token, hashOf(answer(token, 'Acme Checking')));
  }, 20_000);
});
