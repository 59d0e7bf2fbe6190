import { CompiledQuery, sql, type InferResult, type Kysely, type Transaction } from 'kysely';
import type { Logger } from 'pino';
import { mergeSession } from '../../shared/kept/merge-sessions';
import type { PlaidEnvironment } from '../../shared/link-token';
import type { KeptSession } from '../../shared/schemas/kept';
import {
  LinkSessionSchema,
  LinkTokenGetResponseSchema,
  type LinkSession,
  type LinkTokenGetResponse,
} from '../../shared/schemas/link-token-get-response';
import { historyColumns } from './history-facts';
import { notifiesKept, notifyKept } from './kept-notifications';
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
  // answerHash() of Plaid's bytes: an answer whose hash is the last one kept is not kept again.
  answerHash: string;
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
// Its sessions are merged into those already kept, and History's verdict of the token is stored
// (history-facts.ts), in the same transaction; the token's row is locked first, so two instances
// keeping answers for one token take turns. What is kept before is read once, in one query, and
// everything History needs is known from it and the answer: a changed answer costs five statements
// (six with sessions), each a round trip, where it cost twelve (docs/benchmarks.md, "Keeping a
// changed answer").
export async function keepAnswer(
  db: Kysely<Database>,
  entry: AnswerToKeep,
  logger: Logger,
): Promise<'kept' | 'unchanged'> {
  return db.transaction().execute(async (trx) => {
    const token = await lockTokenRow(trx, entry);
    if (token.last_answer_hash === entry.answerHash) return 'unchanged';

    // Read after the lock: another instance's write to the token, committed while this one waited
    // for it, is seen.
    const before = await keptBefore(trx, entry.linkToken);
    const sessions = await keepSessions(trx, entry, before.sessions, logger);
    // This answer is the newest kept, unless one kept earlier was seen later (by another instance,
    // its clock ahead): History diagnoses the newest, read back then.
    const newest =
      before.newestAnswerAt === null || before.newestAnswerAt <= entry.seenAt
        ? { answer: entry.answer, source: entry.source }
        : await newestAnswer(trx, entry.linkToken, logger);
    const history = historyColumns(
      {
        linkToken: entry.linkToken,
        answer: newest.answer,
        sessions,
        answerSources: [...before.answerSources, entry.source],
        newestAnswerSource: newest.source,
      },
      entry.seenAt,
      logger,
    );
    // The answer and the token's row in one statement: the row records it, with History's verdict,
    // and notifies the other instances.
    await trx
      .with('answer', (db) =>
        db.insertInto('kept_answers').values({
          link_token: entry.linkToken,
          source: entry.source,
          seen_at: entry.seenAt,
          seen_by: entry.seenBy,
          plaid_request_id: entry.answer.request_id,
          answer: JSON.stringify(entry.answer),
        }),
      )
      .updateTable('kept_tokens')
      .set({ last_seen_at: entry.seenAt, last_answer_hash: entry.answerHash, ...history })
      .where('link_token', '=', entry.linkToken)
      .returning(notifiesKept())
      .execute();
    return 'kept';
  });
}

// Creates the token's row if it is new (with no answer kept yet: the next answer is always kept)
// and locks it for the transaction, so lookups, the recorder and webhooks for one token take turns,
// on one instance or several. A token the store knows (the usual case) costs one statement.
export async function lockTokenRow(
  trx: Transaction<Database>,
  token: { linkToken: string; environment: PlaidEnvironment; seenAt: Date },
): Promise<{ last_answer_hash: string; environment: string }> {
  const locked = () =>
    trx
      .selectFrom('kept_tokens')
      .select(['last_answer_hash', 'environment'])
      .where('link_token', '=', token.linkToken)
      .forUpdate()
      .executeTakeFirst();
  const known = await locked();
  if (known) return known;
  await trx
    .insertInto('kept_tokens')
    .values({
      link_token: token.linkToken,
      environment: token.environment,
      first_seen_at: token.seenAt,
      last_seen_at: token.seenAt,
      last_answer_hash: '',
    })
    .onConflict((conflict) => conflict.column('link_token').doNothing())
    .execute();
  const created = await locked();
  if (!created) throw new Error(`The kept token ${token.linkToken} vanished while it was being kept.`);
  return created;
}

type KeptSessionRow = {
  link_session_id: string;
  source: KeptSource;
  first_seen_at: Date;
  seen_at: Date;
  seen_by: string;
};

type KeptBefore = {
  // Every session kept for the token, in readKept()'s order (sessions stay in Plaid's answers for
  // six hours: a token holds a handful).
  sessions: (KeptSessionRow & { session: unknown })[];
  answerSources: KeptSource[];
  newestAnswerAt: Date | null;
};

// What the store holds for a token besides its row, in one query: its sessions (a row each, or one
// row of nulls), and the sources and time of its kept answers (the same on every row).
async function keptBefore(trx: Transaction<Database>, linkToken: string): Promise<KeptBefore> {
  // A scan of every answer kept for the token (about 0.5 ms of PGlite's CPU at 1,000 answers).
  const answerSources = sql<KeptSource[]>`array(
    select distinct source from kept_answers where link_token = ${linkToken})`;
  const rows = await tokenWithSessions(trx, linkToken)
    .select((eb) => [
      answerSources.as('answer_sources'),
      eb
        .selectFrom('kept_answers')
        .select((inner) => inner.fn.max('seen_at').as('seen_at'))
        .where('link_token', '=', linkToken)
        .as('newest_answer_at'),
      'kept_sessions.link_session_id',
      'kept_sessions.session',
      'kept_sessions.source',
      'kept_sessions.first_seen_at',
      'kept_sessions.seen_at',
      'kept_sessions.seen_by',
    ])
    .execute();
  const first = rows[0];
  return {
    // All of a session's columns are not null in kept_sessions.
    sessions: rows.flatMap((row) =>
      row.link_session_id === null ? [] : [row as KeptBefore['sessions'][number]],
    ),
    answerSources: first?.answer_sources ?? [],
    newestAnswerAt: first?.newest_answer_at ?? null,
  };
}

// The newest answer kept for the token, as readKept() reads it.
async function newestAnswer(
  trx: Transaction<Database>,
  linkToken: string,
  logger: Logger,
): Promise<{ answer: LinkTokenGetResponse | undefined; source: KeptSource }> {
  const row = await trx
    .selectFrom('kept_answers')
    .select(['answer', 'source'])
    .where('link_token', '=', linkToken)
    .orderBy('seen_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { answer: parsedAnswer(row.answer, linkToken, logger), source: row.source };
}

// Merges the answer's sessions into those kept (one statement) and returns every session kept for
// the token afterwards, as readKept() would read them back.
async function keepSessions(
  trx: Transaction<Database>,
  entry: AnswerToKeep,
  kept: KeptBefore['sessions'],
  logger: Logger,
): Promise<KeptSession[]> {
  // An answer that names a session twice keeps its last copy, as writing them in turn did.
  const answered = new Map(
    (entry.answer.link_sessions ?? []).map((session) => [session.link_session_id, session]),
  );
  const merged = new Map<string, LinkSession>();
  for (const [id, session] of answered) {
    const earlier = kept.find((row) => row.link_session_id === id);
    const parsed = earlier && LinkSessionSchema.safeParse(earlier.session);
    // A row that no longer parses is replaced by the fresh copy rather than merged into.
    merged.set(id, parsed?.success ? mergeSession(parsed.data, session) : session);
  }
  if (merged.size > 0)
    await trx
      .insertInto('kept_sessions')
      .values(
        [...merged].map(([id, session]) => ({
          link_token: entry.linkToken,
          link_session_id: id,
          session: JSON.stringify(session),
          source: entry.source,
          first_seen_at: entry.seenAt,
          seen_at: entry.seenAt,
          seen_by: entry.seenBy,
        })),
      )
      .onConflict((conflict) =>
        conflict.columns(['link_token', 'link_session_id']).doUpdateSet((excluded) => ({
          session: excluded.ref('excluded.session'),
          source: excluded.ref('excluded.source'),
          seen_at: excluded.ref('excluded.seen_at'),
          seen_by: excluded.ref('excluded.seen_by'),
        })),
      )
      .execute();

  const seenNow = (id: string, firstSeenAt: Date): KeptSession => ({
    session: merged.get(id)!,
    source: entry.source,
    first_seen_at: firstSeenAt.toISOString(),
    seen_at: entry.seenAt.toISOString(),
    seen_by: entry.seenBy,
  });
  const keptIds = new Set(kept.map((row) => row.link_session_id));
  const sessions = [
    ...kept.flatMap((row) =>
      merged.has(row.link_session_id)
        ? [seenNow(row.link_session_id, row.first_seen_at)]
        : (keptSession(row, row.session, entry.linkToken, logger) ?? []),
    ),
    // First seen now: after those seen before, by id, as readKept() orders them (Plaid's ids are
    // lowercase UUIDs, which code points and the database's collation order alike).
    ...[...merged.keys()]
      .filter((id) => !keptIds.has(id))
      .sort()
      .map((id) => seenNow(id, entry.seenAt)),
  ];
  return sessions
    .toSorted((a, b) => Date.parse(a.first_seen_at) - Date.parse(b.first_seen_at))
    .slice(0, KEPT_SESSIONS_READ_MAX);
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
      .limit(KEPT_SESSIONS_READ_MAX)
      .execute(),
  ]);
  const sessions = sessionRows.flatMap((row) => keptSession(row, row.session, linkToken, logger) ?? []);
  return {
    linkToken,
    environment: token.environment as PlaidEnvironment,
    seenAt: latest?.seen_at ?? new Date(0),
    seenBy: latest?.seen_by ?? '',
    answer: latest && parsedAnswer(latest.answer, linkToken, logger),
    sessions,
  };
}

// A kept answer; undefined (and logged) when it does not parse (edited by hand, written by a future
// version).
function parsedAnswer(stored: unknown, linkToken: string, logger: Logger): LinkTokenGetResponse | undefined {
  const answer = LinkTokenGetResponseSchema.safeParse(stored);
  if (answer.success) return answer.data;
  logger.warn({ link_token: linkToken }, 'store: skipped a kept answer that does not parse');
  return undefined;
}

// What a lookup needs from the store while Plaid is asked, in one indexed query: the hash of the
// last answer kept (an answer with the same one is not written again) and the kept sessions, as
// text: only those Plaid's answer lacks are parsed (sessionsExcept). Undefined when the store does
// not know the token.
export type KeptForLookup = {
  answerHash: string;
  hasSessions: boolean;
  // The kept sessions' size as text (what holding this read in memory costs).
  sessionChars: number;
  sessionsExcept(answered: ReadonlySet<string>): KeptSession[];
};

export async function readForLookup(
  db: Kysely<Database>,
  linkToken: string,
  logger: Logger,
): Promise<KeptForLookup | undefined> {
  let compiled = compiledLookups.get(db);
  if (!compiled) {
    compiled = lookupQuery(db, TOKEN_SLOT).compile();
    compiledLookups.set(db, compiled);
  }
  const parameters = compiled.parameters.map((parameter) =>
    parameter === TOKEN_SLOT ? linkToken : parameter,
  );
  const { rows } = await db.executeQuery(
    CompiledQuery.raw(compiled.sql, parameters) as CompiledQuery<LookupRow>,
  );
  const first = rows[0];
  if (!first) return undefined;
  return {
    answerHash: first.last_answer_hash,
    hasSessions: first.session !== null,
    sessionChars: rows.reduce((chars, row) => chars + (row.session?.length ?? 0), 0),
    sessionsExcept: (answered) =>
      rows.flatMap((row) => {
        // A token without sessions is one row of nulls (the left join).
        if (row.session === null || answered.has(row.link_session_id ?? '')) return [];
        // A row with a session has every column of it (all are not null in kept_sessions).
        return keptSession(row as KeptSessionRow, parseJson(row.session), linkToken, logger) ?? [];
      }),
  };
}

// The lookup's query is built and compiled once per database and then run with each lookup's token:
// Kysely's builder and compiler cost a lookup on PostgreSQL about 50 µs of CPU each time
// (docs/benchmarks.md, "Keeping an answer off the lookup's path").
const compiledLookups = new WeakMap<Kysely<Database>, CompiledQuery>();
// Stands for the token in the compiled query's parameters (no token holds a NUL).
const TOKEN_SLOT = '\u0000link_token';
type LookupRow = InferResult<ReturnType<typeof lookupQuery>>[number];

function lookupQuery(db: Kysely<Database>, linkToken: string) {
  return tokenWithSessions(db, linkToken)
    .select([
      'kept_tokens.last_answer_hash',
      'kept_sessions.link_session_id',
      // As text: neither the database driver nor the PGlite thread builds objects nobody reads.
      sql<string | null>`kept_sessions.session::text`.as('session'),
      'kept_sessions.source',
      'kept_sessions.first_seen_at',
      'kept_sessions.seen_at',
      'kept_sessions.seen_by',
    ])
    .limit(KEPT_SESSIONS_READ_MAX);
}

// A token's row with each of its kept sessions (one row of nulls when it has none), the sessions in
// readKept()'s order.
function tokenWithSessions(db: Kysely<Database>, linkToken: string) {
  return db
    .selectFrom('kept_tokens')
    .leftJoin('kept_sessions', 'kept_sessions.link_token', 'kept_tokens.link_token')
    .where('kept_tokens.link_token', '=', linkToken)
    .orderBy('kept_sessions.first_seen_at')
    .orderBy('kept_sessions.link_session_id');
}

// A token has a handful of sessions; this only bounds a pathological one.
const KEPT_SESSIONS_READ_MAX = 500;

// A kept session row as the API gives it; undefined (and logged) when it does not parse (edited
// by hand, written by a future version).
function keptSession(
  row: KeptSessionRow,
  stored: unknown,
  linkToken: string,
  logger: Logger,
): KeptSession | undefined {
  const session = LinkSessionSchema.safeParse(stored);
  if (!session.success) {
    logger.warn(
      { link_token: linkToken, link_session_id: row.link_session_id },
      'store: skipped a kept session that does not parse',
    );
    return undefined;
  }
  return {
    session: session.data,
    source: row.source,
    first_seen_at: row.first_seen_at.toISOString(),
    seen_at: row.seen_at.toISOString(),
    seen_by: row.seen_by,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// Forgets tokens with everything kept about them (the foreign keys cascade); returns those found.
export async function deleteTokens(db: Kysely<Database>, linkTokens: readonly string[]): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .deleteFrom('kept_tokens')
      .where('link_token', 'in', linkTokens)
      .returning('link_token')
      .execute();
    const found = rows.map((row) => row.link_token);
    await notifyKept(trx, found);
    return found;
  });
}

// Forgets tokens last seen before the cutoff; returns how many.
export async function purgeBefore(db: Kysely<Database>, cutoff: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .deleteFrom('kept_tokens')
      .where('last_seen_at', '<', cutoff)
      .returning('link_token')
      .execute();
    if (rows.length > 0) await notifyKept(trx, undefined);
    return rows.length;
  });
}

export async function databaseSize(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ size: string }>`select pg_database_size(current_database()) as size`.execute(
    db,
  );
  return Number(rows[0]?.size ?? 0);
}
