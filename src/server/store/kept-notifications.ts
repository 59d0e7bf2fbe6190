import { sql, type Kysely, type Transaction } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from './schema';

// With PostgreSQL several instances share the kept tables. Every write to a token's kept data
// notifies this channel inside its transaction (PostgreSQL delivers it at commit, to every
// listening instance, this one included), and each instance's lookup cache forgets that token.
export const KEPT_CHANNEL = 'inspector_kept_written';
// The payload that stands for every token (the purge); a link token is never empty.
const ALL_TOKENS = '';

// Inside the write's transaction, so that no instance is told before the write is visible and none
// is left untold when it commits. PGlite has no other instance to tell, and no listener.
export async function notifyKept(
  trx: Transaction<Database> | Kysely<Database>,
  linkTokens: readonly string[] | undefined,
): Promise<void> {
  if (linkTokens === undefined) {
    await sql`select pg_notify(${KEPT_CHANNEL}, ${ALL_TOKENS})`.execute(trx);
  } else if (linkTokens.length > 0) {
    await sql`select pg_notify(${KEPT_CHANNEL}, t) from unnest(${linkTokens}::text[]) as t`.execute(trx);
  }
}

// The same notification from a statement that writes kept_tokens rows, for each row it writes
// (`returning notifiesKept()`): the write that records a keep needs no statement of its own to tell.
export function notifiesKept() {
  return sql<string>`pg_notify(${KEPT_CHANNEL}, link_token)`.as('notified');
}

// What the listener tells (the lookup cache; named here, not imported, as the cache reads the
// kept answers' types).
type Forgetful = { forget(linkTokens: readonly string[]): void; forgetAll(): void };

export type KeptListener = {
  // False while the listening connection is not established: a notification may be missed, so the
  // cache must not be read.
  listening(): boolean;
  close(): Promise<void>;
};

const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 10_000;

// One dedicated connection that LISTENs and tells the cache. Whenever it is down the cache forgets
// everything (a read in flight is then not remembered either) and it reconnects with a backoff.
export function listenForKeptWrites(databaseUrl: string, cache: Forgetful, logger: Logger): KeptListener {
  let client: pg.Client | undefined;
  let isListening = false;
  let closed = false;
  let retryMs = FIRST_RETRY_MS;
  let retryTimer: NodeJS.Timeout | undefined;

  function lost(client_: pg.Client, error: unknown): void {
    if (client !== client_) return;
    client = undefined;
    isListening = false;
    cache.forgetAll();
    client_.end().catch(() => {});
    if (closed) return;
    logger.warn(
      { err: error, retryInMs: retryMs },
      'store: listening for kept writes stopped; lookups read the database until it is back',
    );
    retryTimer = setTimeout(connect, retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
  }

  function connect(): void {
    retryTimer = undefined;
    if (closed) return;
    const next = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2_000 });
    client = next;
    next.on('notification', (message) => {
      if (message.channel !== KEPT_CHANNEL) return;
      if (message.payload === undefined || message.payload === ALL_TOKENS) cache.forgetAll();
      else cache.forget([message.payload]);
    });
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next, new Error('connection ended')));
    next
      .connect()
      .then(() => next.query(`LISTEN ${KEPT_CHANNEL}`))
      .then(() => {
        if (client !== next) return;
        // Writes committed while no one listened were not heard: forget whatever was read before.
        cache.forgetAll();
        isListening = true;
        if (retryMs !== FIRST_RETRY_MS) logger.info('store: listening for kept writes again');
        retryMs = FIRST_RETRY_MS;
      })
      .catch((error: unknown) => lost(next, error));
  }

  connect();
  return {
    listening: () => isListening,
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      const last = client;
      client = undefined;
      isListening = false;
      await last?.end().catch(() => {});
    },
  };
}
