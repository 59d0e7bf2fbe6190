import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type { PgliteThread } from './pglite-thread';

// PGlite behind the small pool interface Kysely's PostgresDialect drives (the same dialect, SQL and
// migrations as with node-postgres). PGlite is one connection in this process, so the pool hands it
// to one caller at a time: a transaction's statements are never interleaved with another's.
// (kysely-pglite, the published adapter, brings a code-generation CLI and ten dependencies with it;
// kysely-pglite-dialect does not accept PGlite 0.5.)
export function pglitePool(db: PgliteThread): PostgresPool {
  // Resolved when the current holder releases the connection.
  let free: Promise<void> = Promise.resolve();
  return {
    async connect() {
      const previous = free;
      let release!: () => void;
      free = new Promise<void>((resolve) => (release = resolve));
      await previous;
      return {
        async query<R>(sql: string | object, parameters?: ReadonlyArray<unknown>) {
          if (typeof sql !== 'string') throw new Error('PGlite has no cursors here: stream nothing.');
          const result = await db.query(sql, parameters ?? []);
          return {
            command: commandOf(sql),
            rowCount: result.affectedRows || result.rows.length,
            rows: result.rows as R[],
          } satisfies PostgresQueryResult<R>;
        },
        release: () => release(),
      } as PostgresPoolClient;
    },
    end: () => db.close(),
  };
}

function commandOf(sql: string): PostgresQueryResult<unknown>['command'] {
  const word = sql.trimStart().slice(0, 8).toUpperCase();
  for (const command of ['INSERT', 'UPDATE', 'DELETE', 'MERGE'] as const)
    if (word.startsWith(command)) return command;
  return 'SELECT';
}
