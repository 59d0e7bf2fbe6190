import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { lockDataDir } from './data-dir-lock';
import { migrate } from './migrations';
import { pglitePool } from './pglite-pool';
import { startPgliteThread } from './pglite-thread';
import type { Database } from './schema';

// Where the store lives: a real PostgreSQL server when DATABASE_URL is set (several instances share
// it), else an embedded PostgreSQL (PGlite) in DATA_DIR, opened by this process alone.
export type StoreLocation = { databaseUrl: string } | { dataDir: string };

// Every statement is bounded: a slow query is cancelled rather than holding a lookup, a connection
// for longer than this (PGlite, which ignores statement_timeout, runs in a thread of its own).
export const STATEMENT_TIMEOUT_MS = 5_000;
const CONNECT_TIMEOUT_MS = 2_000;

export type OpenDatabase = { db: Kysely<Database>; kind: 'pglite' | 'postgresql' };

// Opens the database and brings its schema up to date; throws (naming the migration) if it cannot.
export async function openDatabase(location: StoreLocation, logger: Logger): Promise<OpenDatabase> {
  const opened =
    'databaseUrl' in location
      ? openPostgres(location.databaseUrl, logger)
      : await openPglite(location.dataDir, logger);
  try {
    await migrate(opened.db as Kysely<unknown>);
  } catch (error) {
    await opened.db.destroy();
    throw error;
  }
  return opened;
}

function openPostgres(databaseUrl: string, logger: Logger): OpenDatabase {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 5,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: STATEMENT_TIMEOUT_MS + 1_000,
  });
  // A connection the server drops (a restart, a failover) reports it on itself, and an unhandled
  // 'error' event ends the process. The pool listens only while the connection is idle; in use (a
  // transaction between its statements) nobody does, so every connection gets a listener of its
  // own: the statement in progress or the next one fails, and the store says so (degraded). An idle
  // one is replaced on next use.
  pool.on('connect', (client) =>
    client.on('error', (error) => logger.warn({ err: error }, 'store: a PostgreSQL connection failed')),
  );
  // The pool passes an idle connection's error on too, already logged above.
  pool.on('error', () => {});
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), kind: 'postgresql' };
}

async function openPglite(dataDir: string, logger: Logger): Promise<OpenDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  const thread = await startPgliteThread(dataDir, STATEMENT_TIMEOUT_MS, logger).catch((error: unknown) => {
    release();
    throw error;
  });
  // The lock goes when the database is closed (db.destroy() ends the pool, which closes the thread).
  const pool = pglitePool({ query: thread.query, close: () => thread.close().finally(release) });
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), kind: 'pglite' };
}
