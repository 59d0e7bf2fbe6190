import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { mergeSession } from '../../shared/kept/merge-sessions';
import type { PlaidEnvironment } from '../../shared/link-token';
import type { KeptSession } from '../../shared/schemas/kept';
import {
  LinkSessionSchema,
  LinkTokenGetResponseSchema,
  type LinkTokenGetResponse,
} from '../../shared/schemas/link-token-get-response';
import type { Database, KeptSource } from './schema';

// The store's queries about kept answers. Plain functions over a Kysely handle, so the same code
// runs on PGlite and PostgreSQL; store.ts decides when they run.

export type AnswerToKeep = {
  linkToken: string;
  environment: PlaidEnvironment;
  // Plaid's answer, public tokens already masked.
  answer: LinkTokenGetResponse;
  source: KeptSource;
  seenAt: Date;
  seenBy: string;
};

export type KeptToken = {
  linkToken: string;
  environment: PlaidEnvironment;
  seenAt: Date;
  seenBy: string;
  // The newest answer kept; undefined if its row could not be read (logged).
  answer: LinkTokenGetResponse | undefined;
  sessions: KeptSession[];
};

// Keeps an answer unless it says what the last one kept for its token said (request_id aside).
// Its sessions are merged into those already kept, in the same transaction; the token's row is
// locked first, so two instances keeping answers for one token take turns.
export async function keepAnswer(db: Kysely<Database>, entry: AnswerToKeep): Promise<'kept' | 'unchanged'> {
  const hash = answerHash(entry.answer);
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('kept_tokens')
      .values({
        link_token: entry.linkToken,
        environment: entry.environment,
        first_seen_at: entry.seenAt,
        last_seen_at: entry.seenAt,
        last_answer_hash: '',
      })
      .onConflict((conflict) => conflict.column('link_token').doNothing())
      .execute();
    const token = await trx
      .selectFrom('kept_tokens')
      .select('last_answer_hash')
      .where('link_token', '=', entry.linkToken)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (token.last_answer_hash === hash) return 'unchanged';

    await trx
      .insertInto('kept_answers')
      .values({
        link_token: entry.linkToken,
        source: entry.source,
        seen_at: entry.seenAt,
        seen_by: entry.seenBy,
        plaid_request_id: entry.answer.request_id,
        answer: JSON.stringify(entry.answer),
      })
      .execute();
    await keepSessions(trx, entry);
    await trx
      .updateTable('kept_tokens')
      .set({ last_seen_at: entry.seenAt, last_answer_hash: hash })
      .where('link_token', '=', entry.linkToken)
      .execute();
    return 'kept';
  });
}

async function keepSessions(db: Kysely<Database>, entry: AnswerToKeep): Promise<void> {
  const sessions = entry.answer.link_sessions ?? [];
  if (sessions.length === 0) return;
  const known = await db
    .selectFrom('kept_sessions')
    .select(['link_session_id', 'session'])
    .where('link_token', '=', entry.linkToken)
    .where(
      'link_session_id',
      'in',
      sessions.map((session) => session.link_session_id),
    )
    .execute();
  const knownById = new Map(
    known.map((row) => [row.link_session_id, LinkSessionSchema.safeParse(row.session)]),
  );
  for (const session of sessions) {
    const earlier = knownById.get(session.link_session_id);
    // A row that no longer parses is replaced by the fresh copy rather than merged into.
    const merged = earlier?.success ? mergeSession(earlier.data, session) : session;
    await db
      .insertInto('kept_sessions')
      .values({
        link_token: entry.linkToken,
        link_session_id: session.link_session_id,
        session: JSON.stringify(merged),
        source: entry.source,
        first_seen_at: entry.seenAt,
        seen_at: entry.seenAt,
        seen_by: entry.seenBy,
      })
      .onConflict((conflict) =>
        conflict.columns(['link_token', 'link_session_id']).doUpdateSet((excluded) => ({
          session: excluded.ref('excluded.session'),
          source: excluded.ref('excluded.source'),
          seen_at: excluded.ref('excluded.seen_at'),
          seen_by: excluded.ref('excluded.seen_by'),
        })),
      )
      .execute();
  }
}

// Everything kept about a token, or undefined when the store does not know it. A row that does not
// parse (edited by hand, written by a future version) is skipped and logged, never fatal.
export async function readKept(
  db: Kysely<Database>,
  linkToken: string,
  logger: Logger,
): Promise<KeptToken | undefined> {
  const token = await db
    .selectFrom('kept_tokens')
    .select(['environment'])
    .where('link_token', '=', linkToken)
    .executeTakeFirst();
  if (!token) return undefined;
  const [latest, sessionRows] = await Promise.all([
    db
      .selectFrom('kept_answers')
      .select(['answer', 'seen_at', 'seen_by'])
      .where('link_token', '=', linkToken)
      .orderBy('seen_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('kept_sessions')
      .selectAll()
      .where('link_token', '=', linkToken)
      .orderBy('first_seen_at')
      .orderBy('link_session_id')
      // A token has a handful of sessions; this only bounds a pathological one.
      .limit(500)
      .execute(),
  ]);
  const sessions: KeptSession[] = [];
  for (const row of sessionRows) {
    const session = LinkSessionSchema.safeParse(row.session);
    if (!session.success) {
      logger.warn(
        { link_token: linkToken, link_session_id: row.link_session_id },
        'store: skipped a kept session that does not parse',
      );
      continue;
    }
    sessions.push({
      session: session.data,
      source: row.source,
      first_seen_at: row.first_seen_at.toISOString(),
      seen_at: row.seen_at.toISOString(),
      seen_by: row.seen_by,
    });
  }
  const answer = latest && LinkTokenGetResponseSchema.safeParse(latest.answer);
  if (answer && !answer.success)
    logger.warn({ link_token: linkToken }, 'store: skipped a kept answer that does not parse');
  return {
    linkToken,
    environment: token.environment as PlaidEnvironment,
    seenAt: latest?.seen_at ?? new Date(0),
    seenBy: latest?.seen_by ?? '',
    answer: answer?.success ? answer.data : undefined,
    sessions,
  };
}

// Forgets tokens with everything kept about them (the foreign keys cascade); returns those found.
export async function deleteTokens(db: Kysely<Database>, linkTokens: readonly string[]): Promise<string[]> {
  const rows = await db
    .deleteFrom('kept_tokens')
    .where('link_token', 'in', linkTokens)
    .returning('link_token')
    .execute();
  return rows.map((row) => row.link_token);
}

// Forgets tokens last seen before the cutoff; returns how many.
export async function purgeBefore(db: Kysely<Database>, cutoff: Date): Promise<number> {
  const rows = await db
    .deleteFrom('kept_tokens')
    .where('last_seen_at', '<', cutoff)
    .returning('link_token')
    .execute();
  return rows.length;
}

export async function databaseSize(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ size: string }>`select pg_database_size(current_database()) as size`.execute(
    db,
  );
  return Number(rows[0]?.size ?? 0);
}

// Plaid gives every answer a new request_id: two answers are the same when all else is.
function answerHash(answer: LinkTokenGetResponse): string {
  return createHash('sha256')
    .update(JSON.stringify({ ...answer, request_id: undefined }))
    .digest('hex');
}
