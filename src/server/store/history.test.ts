import { sql, type Kysely } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../shared/diagnosis';
import {
  banksByFailures,
  facetCounts,
  matchesFacets,
  verdictTotals,
  type BreakdownFacts,
} from '../../shared/diagnosis/breakdown-rules';
import { tokenFacts } from '../../shared/diagnosis/token-facts';
import { HistoryPageRequestSchema, type HistoryPageRequest } from '../../shared/history/history-api';
import type { LinkTokenGetResponse } from '../../shared/schemas/link-token-get-response';
import { makeResponse, makeSession } from '../../shared/test/fixtures';
import { countOutdated, diagnoseKept, historyPage, tokensToDiagnose } from './history';
import { answerHash } from './answer-hash';
import { deleteTokens, keepAnswer } from './kept-answers';
import { openDatabase } from './open-database';
import type { Database, KeptSource } from './schema';
import { openStore } from './store';
import { BACKENDS, startBackend, type TestBackend } from './test-backends';

// The hash a lookup takes of Plaid's bytes, for answers written straight to the store.
function hashOf(answer: unknown): string {
  return answerHash(new TextEncoder().encode(JSON.stringify(answer)));
}

const silent = pino({ level: 'silent' });

let tokenNumber = 0;
function newToken(): string {
  tokenNumber += 1;
  return `link-sandbox-25252525-0000-4000-8000-${String(tokenNumber).padStart(12, '0')}`;
}

type Outcome = { bank: string; code?: string; status?: string } | 'no sessions';

// An answer whose one session ended at `bank` (with `code`, a failure) or never started.
function answerFor(linkToken: string, outcome: Outcome, requestId = `req-${linkToken.slice(-6)}`) {
  if (outcome === 'no sessions') return makeResponse({ link_token: linkToken, request_id: requestId });
  const error = outcome.code
    ? {
        error_type: 'ITEM_ERROR',
        error_code: outcome.code,
        error_message: 'it went wrong',
        display_message: null,
        request_id: 'exit-req',
      }
    : null;
  return makeResponse({
    link_token: linkToken,
    request_id: requestId,
    link_sessions: [
      makeSession({
        link_session_id: `session-${linkToken.slice(-6)}`,
        exit: {
          error,
          metadata: {
            status: outcome.status ?? 'requires_credentials',
            institution: { name: outcome.bank, institution_id: `ins_${outcome.bank.length}` },
          },
        },
      }),
    ],
  });
}

const OUTCOMES: Outcome[] = [
  { bank: 'Houndstooth Bank', code: 'INVALID_CREDENTIALS' },
  { bank: 'Houndstooth Bank', code: 'INVALID_CREDENTIALS' },
  { bank: 'Houndstooth Bank', code: 'INSTITUTION_DOWN', status: 'institution_not_responding' },
  { bank: 'Tartan Bank', code: 'INSTITUTION_DOWN', status: 'institution_not_responding' },
  { bank: 'Tartan Bank' },
  { bank: 'Gingham Bank', status: 'choose_device' },
  'no sessions',
];

// Each test keeps its tokens within its own day, and filters by it, so tests share one database.
let day = 0;
function nextDay(): { from: string; to: string; at: (minute: number) => Date } {
  // Every other day, so that a token may move to the day after its window.
  day += 2;
  const start = Date.UTC(2026, 10, day);
  return {
    from: new Date(start).toISOString(),
    to: new Date(start + 24 * 60 * 60 * 1000).toISOString(),
    at: (minute) => new Date(start + minute * 60 * 1000),
  };
}

function request(values: Record<string, unknown>): HistoryPageRequest {
  return HistoryPageRequestSchema.parse(values);
}

describe.each(BACKENDS)('History on %s', (backendName) => {
  let backend: TestBackend;
  let db: Kysely<Database>;
  const now = new Date('2026-12-05T12:00:00Z');

  beforeAll(async () => {
    backend = await startBackend(backendName);
    db = (await openDatabase(backend.location, silent)).db;
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
    await backend?.done();
  });

  async function keep(
    linkToken: string,
    answer: LinkTokenGetResponse,
    seenAt: Date,
    source: KeptSource = 'lookup',
  ) {
    await keepAnswer(
      db,
      {
        linkToken,
        environment: 'sandbox',
        answer,
        answerHash: hashOf(answer),
        source,
        seenAt,
        seenBy: 'ana',
      },
      silent,
    );
    await diagnoseKept(db, [linkToken], now, silent);
  }

  it('counts as batch does: the SQL breakdown equals the shared rules over the same answers', async () => {
    const window = nextDay();
    const expected: BreakdownFacts[] = [];
    for (const [index, outcome] of OUTCOMES.entries()) {
      const token = newToken();
      const answer = answerFor(token, outcome);
      await keep(token, answer, window.at(index));
      // What batch counts for the same answer (batch-row.ts: tokenFacts, then breakdownFacts).
      const facts = tokenFacts(diagnose(answer, now.getTime()));
      expected.push({ ...facts, institution_id: facts.institution_id });
    }
    expect(new Set(expected.map((facts) => facts.verdict)).size).toBeGreaterThan(2);

    // Whole days are summed from history_counts; a cut day groups the tokens themselves.
    const cutDay = {
      from: new Date(Date.parse(window.from) - 1000).toISOString(),
      to: new Date(Date.parse(window.to) + 1000).toISOString(),
    };
    for (const [range, choices] of [window, cutDay].flatMap((range) =>
      [
        {},
        { verdict: ['failed'] },
        { institution: ['Houndstooth Bank'], exit_status: ['requires_credentials'] },
        { error_code: ['INSTITUTION_DOWN', 'NO_SUCH_CODE'] },
      ].map((choices) => [range, choices] as const),
    )) {
      const page = await historyPage(db, request({ from: range.from, to: range.to, ...choices }));
      const selection = { verdict: [], error_code: [], institution: [], exit_status: [], ...choices };
      const matching = expected.filter((facts) => matchesFacets(facts, selection));
      expect(page.breakdown).toEqual(facetCounts(expected, selection));
      expect(page.verdict_totals).toEqual(verdictTotals(matching));
      expect(page.banks).toEqual(banksByFailures(matching));
      expect(page.total).toBe(matching.length);
      expect(page.rows).toHaveLength(matching.length);
    }
  });

  it('keeps the summed counts exact as tokens are kept again, diagnosed again and deleted', async () => {
    const window = nextDay();
    const tokens = OUTCOMES.map(() => newToken());
    for (const [index, token] of tokens.entries())
      await keep(token, answerFor(token, OUTCOMES[index]!), window.at(index));
    // One fails differently now, one moves to the next day, one is deleted (data-subject request).
    await keep(tokens[4]!, answerFor(tokens[4]!, OUTCOMES[3]!), window.at(60));
    await keep(tokens[5]!, answerFor(tokens[5]!, OUTCOMES[0]!), window.at(24 * 60 + 5));
    await deleteTokens(db, [tokens[6]!]);
    const summed = await historyPage(db, request({ from: window.from, to: window.to }));
    const scanned = await historyPage(
      db,
      request({ from: window.at(-1).toISOString(), to: window.at(24 * 60 - 1).toISOString() }),
    );
    expect(summed.total).toBe(5);
    expect(summed.breakdown).toEqual(scanned.breakdown);
    expect(summed.banks).toEqual(scanned.banks);
    expect(summed.verdict_totals).toEqual([{ value: 'failed', count: 5 }]);
  });

  it('lists rows newest first with their verdict, facts and sources', async () => {
    const window = nextDay();
    const older = newToken();
    const newer = newToken();
    await keep(older, answerFor(older, OUTCOMES[0]!), window.at(1));
    await keep(newer, answerFor(newer, 'no sessions'), window.at(2), 'recording');
    // Kept again (Plaid's answer changed since): it moves to the top, with both sources.
    const again = { bank: 'Houndstooth Bank', code: 'INVALID_CREDENTIALS', status: 'requires_code' };
    await keep(older, answerFor(older, again, 'req-again'), window.at(3), 'webhook');
    const page = await historyPage(db, request({ from: window.from, to: window.to }));
    expect(page.rows.map((row) => row.link_token)).toEqual([older, newer]);
    expect(page.rows[0]).toEqual({
      link_token: older,
      environment: 'sandbox',
      verdict: 'failed',
      headline: expect.stringContaining('INVALID_CREDENTIALS'),
      institution: 'Houndstooth Bank',
      institution_id: 'ins_16',
      error_code: 'INVALID_CREDENTIALS',
      exit_status: 'requires_code',
      step_reached: null,
      session_count: 1,
      last_seen_at: window.at(3).toISOString(),
      sources: ['lookup', 'webhook'],
      last_source: 'webhook',
    });
    expect(page.rows[1]).toMatchObject({
      sources: ['recording'],
      last_source: 'recording',
      session_count: 0,
    });
  });

  it('filters by token, Link session, request id, source and date, each narrowing the others', async () => {
    const window = nextDay();
    const tokens = [newToken(), newToken(), newToken()];
    await keep(tokens[0]!, answerFor(tokens[0]!, OUTCOMES[0]!, 'req-first'), window.at(10));
    await keep(tokens[1]!, answerFor(tokens[1]!, OUTCOMES[3]!), window.at(20), 'recording');
    await keep(tokens[2]!, answerFor(tokens[2]!, OUTCOMES[4]!), window.at(30));
    const listed = async (values: Record<string, unknown>) =>
      (await historyPage(db, request({ from: window.from, to: window.to, ...values }))).rows.map(
        (row) => row.link_token,
      );
    expect(await listed({ link_token: tokens[1] })).toEqual([tokens[1]]);
    expect(await listed({ link_session_id: `session-${tokens[2]!.slice(-6)}` })).toEqual([tokens[2]]);
    expect(await listed({ request_id: 'req-first' })).toEqual([tokens[0]]);
    expect(await listed({ source: ['recording'] })).toEqual([tokens[1]]);
    expect(await listed({ source: ['recording', 'lookup'] })).toEqual([tokens[2], tokens[1], tokens[0]]);
    expect(await listed({ from: window.at(15).toISOString(), to: window.at(30).toISOString() })).toEqual([
      tokens[1],
    ]);
    expect(await listed({ error_code: ['INSTITUTION_DOWN'], source: ['lookup'] })).toEqual([]);
    expect(await listed({ request_id: 'req-first', verdict: ['linked'] })).toEqual([]);
  });

  it('pages by keyset without repeating or skipping a row while tokens are kept meanwhile', async () => {
    const window = nextDay();
    const tokens: string[] = [];
    // Pairs kept at the same instant: ties are ordered by token.
    for (let index = 0; index < 23; index += 1) {
      const token = newToken();
      tokens.push(token);
      await keep(
        token,
        answerFor(token, OUTCOMES[index % OUTCOMES.length]!),
        window.at(100 + Math.floor(index / 2)),
      );
    }
    const seen: string[] = [];
    let after: string | undefined;
    let added = 0;
    do {
      const page = await historyPage(db, request({ from: window.from, to: window.to, limit: 5, after }));
      expect(page.rows.length).toBeLessThanOrEqual(5);
      seen.push(...page.rows.map((row) => row.link_token));
      after = page.next ?? undefined;
      // A newer token arrives between two pages: it belongs before the pages already read.
      const arriving = newToken();
      await keep(arriving, answerFor(arriving, OUTCOMES[0]!), window.at(500 + added));
      added += 1;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(
      tokens.toReversed().sort((a, b) => {
        const minute = (token: string) => Math.floor(tokens.indexOf(token) / 2);
        return minute(b) - minute(a) || a.localeCompare(b);
      }),
    );
  });

  it('diagnoses again the tokens of older rules or none, and says how many remain', async () => {
    const window = nextDay();
    const stale = newToken();
    const neverDiagnosed = newToken();
    await keep(stale, answerFor(stale, OUTCOMES[0]!), window.at(1));
    await keep(neverDiagnosed, answerFor(neverDiagnosed, OUTCOMES[3]!), window.at(2));
    // Rules of an earlier version said something else about it.
    await db
      .updateTable('kept_tokens')
      .set({ verdict: 'linked', rules_version: 0 })
      .where('link_token', '=', stale)
      .execute();
    // Kept before History existed (or its diagnosis failed).
    await db
      .updateTable('kept_tokens')
      .set({ verdict: null, rules_version: null })
      .where('link_token', '=', neverDiagnosed)
      .execute();
    const before = await historyPage(db, request({ from: window.from, to: window.to }));
    expect(before.outdated_verdicts).toBe(2);
    expect(before.rows.map((row) => [row.link_token, row.verdict])).toEqual([[stale, 'linked']]);

    for (
      let tokens = await tokensToDiagnose(db, 50, now);
      tokens.length > 0;
      tokens = await tokensToDiagnose(db, 50, now)
    )
      await diagnoseKept(db, tokens, now, silent);
    expect(await countOutdated(db)).toBe(0);
    const after = await historyPage(db, request({ from: window.from, to: window.to }));
    expect(after.outdated_verdicts).toBe(0);
    expect(after.rows.map((row) => [row.link_token, row.verdict])).toEqual([
      [neverDiagnosed, 'failed'],
      [stale, 'failed'],
    ]);
  });
});

describe('the store diagnoses in the background', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await startBackend('pglite');
  });
  afterAll(() => backend?.done());

  it('brings verdicts kept before History (or by older rules) up to date after it opens', async () => {
    const { db } = await openDatabase(backend.location, silent);
    const tokens = [newToken(), newToken(), newToken()];
    for (const token of tokens)
      await keepAnswer(
        db,
        {
          linkToken: token,
          environment: 'sandbox',
          answer: answerFor(token, OUTCOMES[0]!),
          answerHash: hashOf(answerFor(token, OUTCOMES[0]!)),
          source: 'lookup',
          seenAt: new Date(),
          seenBy: 'ana',
        },
        silent,
      );
    await sql`update kept_tokens set verdict = 'linked', rules_version = 0 where link_token = ${tokens[0]}`.execute(
      db,
    );
    // Kept before History existed.
    await sql`update kept_tokens set verdict = null, rules_version = null where link_token <> ${tokens[0]}`.execute(
      db,
    );
    await db.destroy();

    const store = await openStore({ location: backend.location, retentionDays: 30 }, silent);
    try {
      await store.rediagnose();
      const page = await store.history(request({}));
      expect(page.outdated_verdicts).toBe(0);
      expect(page.rows.map((row) => row.verdict)).toEqual(['failed', 'failed', 'failed']);
    } finally {
      await store.close();
    }
    // A fresh PGlite takes tens of seconds to create on a busy machine.
  }, 120_000);
});
