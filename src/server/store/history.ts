import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Logger } from 'pino';
import { DIAGNOSIS_RULES_VERSION } from '../../shared/diagnosis';
import {
  BREAKDOWN_FACETS,
  banksByFailures,
  facetCounts,
  matchesFacets,
  verdictTotals,
  type BreakdownFacet,
  type BreakdownFacts,
} from '../../shared/diagnosis/breakdown-rules';
import type {
  HistoryFilter,
  HistoryPage,
  HistoryPageRequest,
  HistoryRow,
} from '../../shared/history/history-api';
import { historyColumns } from './history-facts';
import { readKept } from './kept-answers';
import type { Database } from './schema';

// History's queries (docs/api.md, GET /api/history): each kept token's verdict and row facts,
// stored beside it by the shared diagnosis with the version of the rules that produced them;
// keyset pages newest first; and the breakdown, counted by the shared rules over the whole filtered
// set. store.ts decides when these run.

// A History row as the store holds it; the route adds the permalink.
export type StoredHistoryRow = Omit<HistoryRow, 'permalink'>;
export type StoredHistoryPage = Omit<HistoryPage, 'rows'> & { rows: StoredHistoryRow[] };

// "In progress" becomes "abandoned" after half an hour without activity, "never opened" becomes
// "expired unused" at the token's expiry: such verdicts are diagnosed again after this long.
const TIME_BOUND_VERDICTS = ['in progress', 'never opened'];
export const TIME_BOUND_REFRESH_MS = 15 * 60 * 1000;

// --- Diagnosing kept tokens ---

// Diagnoses each token from the merged kept view (its newest answer with every session kept) and
// stores the verdict and row facts with the current rules version (history-facts.ts). Keeping an
// answer does this itself (keepAnswer); this is for the tokens whose verdict is outdated, and for
// those a webhook's session changed.
export async function diagnoseKept(
  db: Kysely<Database>,
  linkTokens: readonly string[],
  now: Date,
  logger: Logger,
): Promise<void> {
  for (const linkToken of linkTokens) {
    const kept = await readKept(db, linkToken, logger);
    if (!kept) continue;
    const sources = await db
      .selectFrom('kept_answers')
      .select(['source', (eb) => eb.fn.max('seen_at').as('last_seen_at')])
      .where('link_token', '=', linkToken)
      .groupBy('source')
      .execute();
    const newest = sources.toSorted((a, b) => b.last_seen_at.getTime() - a.last_seen_at.getTime())[0];
    const columns = historyColumns(
      {
        linkToken,
        answer: kept.answer,
        sessions: kept.sessions,
        answerSources: sources.map((row) => row.source),
        newestAnswerSource: newest?.source,
      },
      now,
      logger,
    );
    await db.updateTable('kept_tokens').set(columns).where('link_token', '=', linkToken).execute();
  }
}

// Keeps every kept token's verdict current in the background: at start (tokens kept before History
// existed, verdicts of older rules) and every few minutes (verdicts time changes), in small batches
// with a pause between them, so lookups reading the store never wait long behind it.
export function startBackgroundDiagnosis(db: Kysely<Database>, logger: Logger) {
  let running: Promise<void> | undefined;
  let stopped = false;
  async function round(): Promise<void> {
    // Groups whose tokens all moved on (to another day, another verdict) or were deleted.
    await db.deleteFrom('history_counts').where('tokens', '=', 0).execute();
    let diagnosed = 0;
    while (!stopped) {
      const tokens = await tokensToDiagnose(db, DIAGNOSIS_BATCH, new Date());
      if (tokens.length === 0) break;
      await diagnoseKept(db, tokens, new Date(), logger);
      diagnosed += tokens.length;
      await new Promise((resolve) => setTimeout(resolve, DIAGNOSIS_PAUSE_MS));
    }
    if (diagnosed > 0) logger.info({ tokens: diagnosed }, `store: diagnosed ${diagnosed} kept tokens again`);
  }
  function run(): Promise<void> {
    running ??= round()
      .catch((error: unknown) => logger.error({ err: error }, 'store: diagnosing kept tokens again failed'))
      .finally(() => (running = undefined));
    return running;
  }
  const timer = setInterval(() => void run(), DIAGNOSIS_EVERY_MS).unref();
  void run();
  return {
    // Resolves when the round under way (or a new one) has finished.
    run,
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

const DIAGNOSIS_BATCH = 50;
const DIAGNOSIS_PAUSE_MS = 20;
const DIAGNOSIS_EVERY_MS = 5 * 60 * 1000;

// Tokens to diagnose again: never diagnosed (kept before 002-history, or the diagnosis after
// keeping failed), diagnosed by older rules, or holding a verdict that time alone changes.
export async function tokensToDiagnose(db: Kysely<Database>, limit: number, now: Date): Promise<string[]> {
  const outdated = await db
    .selectFrom('kept_tokens')
    .select('link_token')
    .where((eb) =>
      eb.or([eb('rules_version', 'is', null), eb('rules_version', '<', DIAGNOSIS_RULES_VERSION)]),
    )
    .limit(limit)
    .execute();
  if (outdated.length === limit) return outdated.map((row) => row.link_token);
  const timeBound = await db
    .selectFrom('kept_tokens')
    .select('link_token')
    .where('verdict', 'in', TIME_BOUND_VERDICTS)
    .where('diagnosed_at', '<', new Date(now.getTime() - TIME_BOUND_REFRESH_MS))
    .limit(limit - outdated.length)
    .execute();
  return [...outdated, ...timeBound].map((row) => row.link_token);
}

// Kept tokens whose verdict is missing or came from older rules.
export async function countOutdated(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('kept_tokens')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where((eb) =>
      eb.or([eb('rules_version', 'is', null), eb('rules_version', '<', DIAGNOSIS_RULES_VERSION)]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

// --- Reading History ---

const FACET_COLUMNS: Readonly<
  Record<BreakdownFacet, 'verdict' | 'error_code' | 'institution' | 'exit_status'>
> = {
  verdict: 'verdict',
  error_code: 'error_code',
  institution: 'institution',
  exit_status: 'exit_status',
};

type TokensExpression = ExpressionBuilder<Database, 'kept_tokens'>;

// The filter's conditions; `facets: false` leaves out the breakdown's groups (counted in memory
// from one grouped scan, each within the others' choices).
function conditions(eb: TokensExpression, filter: HistoryFilter, facets: boolean): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [eb('verdict', 'is not', null)];
  if (filter.link_token !== undefined) all.push(eb('link_token', '=', filter.link_token));
  if (filter.link_session_id !== undefined)
    all.push(
      eb(
        'link_token',
        'in',
        eb
          .selectFrom('kept_sessions')
          .select('kept_sessions.link_token')
          .where('kept_sessions.link_session_id', '=', filter.link_session_id),
      ),
    );
  if (filter.request_id !== undefined)
    all.push(
      eb(
        'link_token',
        'in',
        eb
          .selectFrom('kept_answers')
          .select('kept_answers.link_token')
          .where('kept_answers.plaid_request_id', '=', filter.request_id),
      ),
    );
  if (filter.source.length > 0) all.push(sql<SqlBool>`sources && array[${sql.join(filter.source)}]::text[]`);
  if (filter.from !== undefined) all.push(eb('last_seen_at', '>=', new Date(filter.from)));
  if (filter.to !== undefined) all.push(eb('last_seen_at', '<', new Date(filter.to)));
  if (facets)
    for (const facet of BREAKDOWN_FACETS) {
      const chosen = filter[facet];
      if (chosen.length > 0) all.push(eb(FACET_COLUMNS[facet], 'in', chosen));
    }
  return eb.and(all);
}

const ROW_COLUMNS = [
  'link_token',
  'environment',
  'verdict',
  'headline',
  'institution',
  'institution_id',
  'error_code',
  'exit_status',
  'step_reached',
  'session_count',
  'last_seen_at',
  'sources',
  'last_source',
] as const;

type Cursor = { lastSeenAt: Date; linkToken: string };

// The page's `next`: where the following page starts (opaque to callers).
function encodeCursor(row: { last_seen_at: Date; link_token: string }): string {
  return Buffer.from(JSON.stringify([row.last_seen_at.toISOString(), row.link_token])).toString('base64url');
}

// undefined when `after` is not a cursor this server gave.
export function decodeCursor(after: string): Cursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(after, 'base64url').toString());
    if (!Array.isArray(value) || typeof value[0] !== 'string' || typeof value[1] !== 'string')
      return undefined;
    const lastSeenAt = new Date(value[0]);
    return Number.isNaN(lastSeenAt.getTime()) ? undefined : { lastSeenAt, linkToken: value[1] };
  } catch {
    return undefined;
  }
}

// Newest first; ties by token, so that a keyset page after (last_seen_at, link_token) neither
// repeats nor skips a row whatever is kept meanwhile (a token kept again moves to the top).
async function listRows(
  db: Kysely<Database>,
  filter: HistoryFilter,
  after: Cursor | undefined,
  limit: number,
): Promise<StoredHistoryRow[]> {
  const rows = await db
    .selectFrom('kept_tokens')
    .select(ROW_COLUMNS)
    .where((eb) => {
      const matching = conditions(eb, filter, true);
      if (!after) return matching;
      return eb.and([
        matching,
        eb.or([
          eb('last_seen_at', '<', after.lastSeenAt),
          eb.and([eb('last_seen_at', '=', after.lastSeenAt), eb('link_token', '>', after.linkToken)]),
        ]),
      ]);
    })
    .orderBy('last_seen_at', 'desc')
    .orderBy('link_token')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    link_token: row.link_token,
    environment: row.environment === 'production' ? 'production' : 'sandbox',
    verdict: row.verdict as HistoryRow['verdict'],
    headline: row.headline ?? '',
    institution: row.institution,
    institution_id: row.institution_id,
    error_code: row.error_code,
    exit_status: row.exit_status,
    step_reached: row.step_reached,
    session_count: row.session_count ?? 0,
    last_seen_at: row.last_seen_at.toISOString(),
    sources: row.sources ?? [],
    last_source: row.last_source ?? 'lookup',
  }));
}

// The filtered set grouped by the facts the breakdown counts: the groups are few (verdicts x error
// codes x banks seen), and the shared rules count over them. A filter of whole UTC days and
// groups sums history_counts (kept by a trigger, migration 002-history); one naming a token, a
// session or a request, or cutting a day, groups the tokens it selects.
async function groupedFacts(db: Kysely<Database>, filter: HistoryFilter): Promise<BreakdownFacts[]> {
  const bySummary =
    filter.link_token === undefined &&
    filter.link_session_id === undefined &&
    filter.request_id === undefined &&
    isWholeDay(filter.from) &&
    isWholeDay(filter.to);
  if (bySummary) return summedFacts(db, filter);
  const groups = await db
    .selectFrom('kept_tokens')
    .select(['verdict', 'error_code', 'institution', 'institution_id', 'exit_status'])
    .select((eb) => eb.fn.countAll<string>().as('tokens'))
    .where((eb) => conditions(eb, filter, false))
    .groupBy(['verdict', 'error_code', 'institution', 'institution_id', 'exit_status'])
    .execute();
  return groups.map((group) => ({
    verdict: group.verdict ?? '',
    error_code: group.error_code,
    institution: group.institution,
    institution_id: group.institution_id,
    exit_status: group.exit_status,
    tokens: Number(group.tokens),
  }));
}

function isWholeDay(date: string | undefined): boolean {
  return date === undefined || new Date(date).getTime() % DAY_MS === 0;
}

const DAY_MS = 24 * 60 * 60 * 1000;

async function summedFacts(db: Kysely<Database>, filter: HistoryFilter): Promise<BreakdownFacts[]> {
  const day = (date: string) => new Date(date).toISOString().slice(0, 10);
  const groups = await db
    .selectFrom('history_counts')
    .select(['verdict', 'error_code', 'institution', 'institution_id', 'exit_status'])
    .select(sql<string>`sum(tokens)`.as('tokens'))
    .where((eb) => {
      const all: Expression<SqlBool>[] = [];
      if (filter.from !== undefined) all.push(sql<SqlBool>`day >= ${day(filter.from)}::date`);
      if (filter.to !== undefined) all.push(sql<SqlBool>`day < ${day(filter.to)}::date`);
      if (filter.source.length > 0)
        all.push(sql<SqlBool>`sources && array[${sql.join(filter.source)}]::text[]`);
      return eb.and(all);
    })
    .groupBy(['verdict', 'error_code', 'institution', 'institution_id', 'exit_status'])
    .having(sql`sum(tokens)`, '>', 0)
    .execute();
  const fact = (value: string) => (value === '' ? null : value);
  return groups.map((group) => ({
    verdict: group.verdict,
    error_code: fact(group.error_code),
    institution: fact(group.institution),
    institution_id: fact(group.institution_id),
    exit_status: fact(group.exit_status),
    tokens: Number(group.tokens),
  }));
}

export async function historyPage(
  db: Kysely<Database>,
  request: HistoryPageRequest,
): Promise<StoredHistoryPage> {
  const after = request.after === undefined ? undefined : decodeCursor(request.after);
  const [rows, groups, outdated] = await Promise.all([
    // One more than asked, to know whether a next page exists.
    listRows(db, request, after, request.limit + 1),
    groupedFacts(db, request),
    countOutdated(db),
  ]);
  const page = rows.slice(0, request.limit);
  const last = page.at(-1);
  const matching = groups.filter((group) => matchesFacets(group, request));
  return {
    rows: page,
    next:
      rows.length > request.limit && last
        ? encodeCursor({ last_seen_at: new Date(last.last_seen_at), link_token: last.link_token })
        : null,
    total: matching.reduce((sum, group) => sum + (group.tokens ?? 1), 0),
    breakdown: facetCounts(groups, request),
    verdict_totals: verdictTotals(matching),
    banks: banksByFailures(matching),
    outdated_verdicts: outdated,
  };
}

// The whole filtered list, newest first, up to `limit` rows (the export).
export function historyRows(
  db: Kysely<Database>,
  filter: HistoryFilter,
  limit: number,
): Promise<StoredHistoryRow[]> {
  return listRows(db, filter, undefined, limit);
}
