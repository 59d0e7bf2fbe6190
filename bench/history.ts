import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import pino from 'pino';
import { DIAGNOSIS_RULES_VERSION, VERDICTS } from '../src/shared/diagnosis';
import { HistoryPageRequestSchema } from '../src/shared/history/history-api';
import { historyPage } from '../src/server/store/history';
import { openDatabase, type StoreLocation } from '../src/server/store/open-database';
import type { Database, KeptSource } from '../src/server/store/schema';
import { startTestPostgres } from '../src/server/testing/postgres-server';
import { table, type Section } from './lib/report';
import { formatMs, percentile } from './lib/stats';

// History at scale (issue 25): a store holding 100,000 kept tokens, each with a Link session and an
// answer, written straight into the tables (as the store would after diagnosing them); then a page
// with its counts (historyPage: the rows, the breakdown, the verdict totals, the banks and the
// outdated count) under a few filters, on PGlite and on PostgreSQL. Goal: p95 ≤ 100 ms.

const GOAL_P95_MS = 100;
const INSERT_BATCH = 1_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type HistoryBenchOptions = { tokens: number; samples: number };

// A spread like a support team's month: mostly linked, some failures at a long tail of banks.
const VERDICT_WEIGHTS: [string, number][] = [
  ['linked', 60],
  ['failed', 15],
  ['abandoned', 10],
  ['never opened', 6],
  ['expired unused', 4],
  ['in progress', 2],
  ['no session data', 3],
];
const ERROR_CODES = Array.from({ length: 20 }, (_, index) => `ERROR_CODE_${index}`);
const EXIT_STATUSES = [
  'requires_credentials',
  'requires_code',
  'institution_not_found',
  'choose_device',
  'requires_questions',
];
const SOURCES: KeptSource[] = ['lookup', 'recording', 'webhook'];

function pick<T>(values: readonly T[], n: number): T {
  return values[n % values.length]!;
}

// A bank by a skewed draw: a few banks have most tokens.
function bank(n: number): number {
  return Math.floor(200 * Math.pow(((n * 2654435761) % 1000) / 1000, 3));
}

function verdictOf(n: number): string {
  let draw = (n * 40503) % 100;
  for (const [verdict, weight] of VERDICT_WEIGHTS) {
    if (draw < weight) return verdict;
    draw -= weight;
  }
  return 'linked';
}

function tokenOf(n: number): string {
  return `link-production-bench0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

async function fill(db: Kysely<Database>, tokens: number, now: number): Promise<void> {
  for (let start = 0; start < tokens; start += INSERT_BATCH) {
    const batch = Array.from(
      { length: Math.min(INSERT_BATCH, tokens - start) },
      (_, offset) => start + offset,
    );
    const rows = batch.map((n) => {
      const verdict = verdictOf(n);
      const hasSession = !['never opened', 'expired unused', 'no session data'].includes(verdict);
      const institution = hasSession ? bank(n) : null;
      const source = pick(SOURCES, n % 7 === 0 ? 1 : n % 11 === 0 ? 2 : 0);
      // Spread over 30 days, newest last.
      const seen = new Date(now - 30 * DAY_MS + Math.floor((n / tokens) * 30 * DAY_MS));
      // As Plaid's errors go: a bank's failures mostly share a few codes, and the exit status
      // follows the code.
      const codeIndex = (institution ?? 0) + (n % 3);
      const code = verdict === 'failed' ? pick(ERROR_CODES, codeIndex) : null;
      const exitStatus =
        verdict === 'failed'
          ? pick(EXIT_STATUSES, codeIndex)
          : verdict === 'abandoned'
            ? pick(EXIT_STATUSES, n % 2)
            : null;
      return { n, verdict, hasSession, institution, source, seen, code, exitStatus };
    });
    await db
      .insertInto('kept_tokens')
      .values(
        rows.map((row) => ({
          link_token: tokenOf(row.n),
          environment: 'production',
          first_seen_at: row.seen,
          last_seen_at: row.seen,
          last_answer_hash: `hash-${row.n}`,
          verdict: row.verdict,
          headline: `Bench token ${row.n}: ${row.verdict}.`,
          institution: row.institution === null ? null : `Bench Bank ${row.institution}`,
          institution_id: row.institution === null ? null : `ins_${row.institution}`,
          error_code: row.code,
          exit_status: row.exitStatus,
          step_reached: row.hasSession ? 'credentials' : null,
          session_count: row.hasSession ? 1 : 0,
          sources: [row.source],
          last_source: row.source,
          rules_version: DIAGNOSIS_RULES_VERSION,
          diagnosed_at: row.seen,
        })),
      )
      .execute();
    await db
      .insertInto('kept_answers')
      .values(
        rows.map((row) => ({
          link_token: tokenOf(row.n),
          source: row.source,
          seen_at: row.seen,
          seen_by: 'bench',
          plaid_request_id: `req-${row.n}`,
          answer: JSON.stringify({ link_token: tokenOf(row.n), request_id: `req-${row.n}` }),
        })),
      )
      .execute();
    await db
      .insertInto('kept_sessions')
      .values(
        rows.map((row) => ({
          link_token: tokenOf(row.n),
          link_session_id: `session-${row.n}`,
          session: JSON.stringify({ link_session_id: `session-${row.n}`, events: [] }),
          source: row.source,
          first_seen_at: row.seen,
          seen_at: row.seen,
          seen_by: 'bench',
        })),
      )
      .execute();
  }
  // As autovacuum would after such a load: statistics for the planner (one table at a time: each
  // statement has the store's 5 s limit).
  for (const table of ['kept_tokens', 'kept_answers', 'kept_sessions', 'history_counts'])
    await sql`analyze ${sql.table(table)}`.execute(db);
}

type Case = { name: string; query: Record<string, unknown> };

function cases(tokens: number, now: number): Case[] {
  const lastDay = new Date(now - DAY_MS).toISOString();
  return [
    { name: 'no filter', query: {} },
    { name: 'verdict failed', query: { verdict: ['failed'] } },
    {
      name: 'failed at one bank, one code',
      query: { verdict: ['failed'], institution: ['Bench Bank 5'], error_code: ['ERROR_CODE_6'] },
    },
    { name: 'last day', query: { from: lastDay } },
    { name: 'source recording', query: { source: ['recording'] } },
    { name: 'link_session_id', query: { link_session_id: `session-${Math.floor(tokens / 2)}` } },
    { name: 'request_id', query: { request_id: `req-${Math.floor(tokens / 3)}` } },
  ];
}

async function measure(
  db: Kysely<Database>,
  query: Record<string, unknown>,
  samples: number,
): Promise<number[]> {
  const request = HistoryPageRequestSchema.parse(query);
  // The second page too: keyset pages cost the same wherever they start.
  const first = await historyPage(db, request);
  const durations: number[] = [];
  for (let index = 0; index < samples; index += 1) {
    const started = performance.now();
    await historyPage(db, { ...request, after: index % 2 === 1 && first.next ? first.next : undefined });
    durations.push(performance.now() - started);
  }
  return durations;
}

const BACKENDS = ['pglite', 'postgresql'] as const;

// The two places a store lives: PGlite in a new DATA_DIR, PostgreSQL on a server of the benchmark's
// own.
async function startBackend(
  name: (typeof BACKENDS)[number],
): Promise<{ location: StoreLocation; done(): Promise<void> }> {
  if (name === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-history-'));
    return { location: { dataDir }, done: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const postgres = await startTestPostgres();
  return { location: { databaseUrl: postgres.url }, done: () => postgres.destroy() };
}

export async function runHistoryBench(options: HistoryBenchOptions): Promise<Section> {
  const now = Date.now();
  const rows: string[][] = [];
  const goals: Section['goals'] = [];
  for (const backendName of BACKENDS) {
    const backend = await startBackend(backendName);
    const { db } = await openDatabase(backend.location, pino({ level: 'silent' }));
    try {
      const fillStarted = performance.now();
      await fill(db, options.tokens, now);
      console.log(
        `  ${backendName}: filled ${options.tokens} tokens in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`,
      );
      const all: number[] = [];
      for (const { name, query } of cases(options.tokens, now)) {
        const durations = await measure(db, query, options.samples);
        all.push(...durations);
        rows.push([
          backendName,
          name,
          formatMs(percentile(durations, 50)),
          formatMs(percentile(durations, 95)),
        ]);
      }
      const p95 = percentile(all, 95);
      goals.push({
        name: `History page + counts at ${options.tokens.toLocaleString('en')} tokens, p95 on ${backendName}`,
        met: p95 <= GOAL_P95_MS,
        detail: `${formatMs(p95)} (goal ≤ ${GOAL_P95_MS} ms)`,
      });
    } finally {
      await db.destroy();
      await backend.done();
    }
  }
  return {
    title: 'History',
    markdown: [
      `${options.tokens.toLocaleString('en')} kept tokens (each with a session and an answer) written into the store's tables; ` +
        `then \`historyPage\` (50 rows, the total, the breakdown, verdict totals, banks, outdated count) ${options.samples} times ` +
        'per filter, alternating first and second pages, in the benchmark process (no HTTP).',
      '',
      table(['store', 'filter', 'p50', 'p95'], rows),
    ].join('\n'),
    goals,
  };
}

// Allowed values, so that a verdict renamed by the rules fails here rather than counting nothing.
for (const [verdict] of VERDICT_WEIGHTS)
  if (!(VERDICTS as readonly string[]).includes(verdict)) throw new Error(`Unknown verdict ${verdict}`);
