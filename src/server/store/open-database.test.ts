import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from '../testing/log-capture';
import { startTestPostgres, type TestPostgres } from '../testing/postgres-server';
import { openDatabase } from './open-database';

describe('a store on PostgreSQL', () => {
  let postgres: TestPostgres;
  beforeAll(async () => {
    postgres = await startTestPostgres();
  });
  afterAll(() => postgres.destroy());

  it('outlives the server going away while one of its connections is in use', async () => {
    const logs = captureLogs();
    const { db } = await openDatabase({ databaseUrl: postgres.url }, pino(logs.destination));
    try {
      // Between two statements of a transaction (a keep diagnoses its answer there) the connection
      // is the transaction's, not the pool's: the server's goodbye arrives on it alone.
      const transaction = db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await postgres.stop();
        await sleep(200);
        await sql`select 1`.execute(trx);
      });
      await expect(transaction).rejects.toThrow();
      expect(logs.text()).toContain('store: a PostgreSQL connection failed');
    } finally {
      await postgres.start();
      await db.destroy();
    }
  });
});
