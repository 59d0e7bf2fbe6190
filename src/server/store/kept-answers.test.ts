import { sql, type Kysely } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPublicTokens } from '../../shared/kept/mask-public-tokens';
import { DIAGNOSIS_RULES_VERSION } from '../../shared/diagnosis';
import {
  LinkTokenGetResponseSchema,
  type LinkTokenGetResponse,
} from '../../shared/schemas/link-token-get-response';
import {
  emptyResults,
  invalidCredentials,
  makeEvent,
  makeResponse,
  makeSession,
} from '../../shared/test/fixtures';
import {
  listScenarioTokens,
  SIMULATOR_CLIENT_ID,
  SIMULATOR_SECRET,
  startSimulator,
  type RunningSimulator,
} from '../../simulator';
import { captureLogs } from '../testing/log-capture';
import { diagnoseKept } from './history';
import {
  deleteTokens,
  keepAnswer,
  readForLookup,
  purgeBefore,
  readKept,
  type AnswerToKeep,
} from './kept-answers';
import { answerHash } from './answer-hash';
import { migrate, MIGRATIONS } from './migrations';
import { openDatabase } from './open-database';
import type { Database } from './schema';
import { keepWebhookSession } from './webhooks';
import { BACKENDS, startBackend, type TestBackend } from './test-backends';

let tokenNumber = 0;
function newToken(): string {
  tokenNumber += 1;
  return `link-sandbox-00000000-0000-4000-8000-${String(tokenNumber).padStart(12, '0')}`;
}

function entry(
  linkToken: string,
  answer: LinkTokenGetResponse,
  overrides: Partial<AnswerToKeep> = {},
): AnswerToKeep {
  return {
    linkToken,
    environment: 'sandbox',
    answer,
    source: 'lookup',
    seenAt: new Date(),
    seenBy: 'ana',
    answerHash: answerHash(new TextEncoder().encode(JSON.stringify(answer))),
    ...overrides,
  };
}

// The columns History reads from a kept token's row (history-facts.ts).
const HISTORY_COLUMNS = [
  'verdict',
  'headline',
  'institution',
  'institution_id',
  'error_code',
  'exit_status',
  'step_reached',
  'session_count',
  'sources',
  'last_source',
  'rules_version',
  'diagnosed_at',
] as const;

// A fixture token's answer from the simulator, as Plaid's bytes are kept (parsed, public tokens
// masked), for another token; undefined for a fixture that
// answers with an error.
async function simulatorAnswer(
  simulator: RunningSimulator,
  fixture: string,
  linkToken: string,
): Promise<LinkTokenGetResponse | undefined> {
  const response = await fetch(`${simulator.url}/link/token/get`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: SIMULATOR_CLIENT_ID, secret: SIMULATOR_SECRET, link_token: fixture }),
  });
  if (!response.ok) return undefined;
  const parsed = LinkTokenGetResponseSchema.safeParse(await response.json());
  if (!parsed.success) return undefined;
  return maskPublicTokens({ ...parsed.data, link_token: linkToken }) as LinkTokenGetResponse;
}

const opened = makeEvent({ event_name: 'OPEN', timestamp: '2026-11-25T10:00:01Z' });
const failed = makeEvent({ event_name: 'ERROR', timestamp: '2026-11-25T10:01:00Z' });
const exit = { error: invalidCredentials, metadata: { status: 'requires_credentials' } };

describe.each(BACKENDS)('kept answers on %s', (backendName) => {
  let backend: TestBackend;
  let db: Kysely<Database>;
  const logs = captureLogs();
  const logger = pino(logs.destination);

  beforeAll(async () => {
    backend = await startBackend(backendName);
    db = (await openDatabase(backend.location, pino({ level: 'silent' }))).db;
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
    await backend?.done();
  });

  it('keeps an answer and reads back its sessions, with who saw them, when and from where', async () => {
    const token = newToken();
    const answer = makeResponse({ link_token: token, link_sessions: [makeSession({ events: [opened] })] });
    const seenAt = new Date('2026-11-25T10:42:00Z');
    expect(await keepAnswer(db, entry(token, answer, { seenAt }), logger)).toBe('kept');

    const kept = await readKept(db, token, logger);
    expect(kept).toMatchObject({ linkToken: token, environment: 'sandbox', seenBy: 'ana', answer });
    expect(kept?.sessions).toEqual([
      {
        session: answer.link_sessions?.[0],
        source: 'lookup',
        first_seen_at: seenAt.toISOString(),
        seen_at: seenAt.toISOString(),
        seen_by: 'ana',
      },
    ]);
  });

  it('does not keep an answer again when only its request_id changed', async () => {
    const token = newToken();
    expect(
      await keepAnswer(db, entry(token, makeResponse({ link_token: token, request_id: 'r1' })), logger),
    ).toBe('kept');
    expect(
      await keepAnswer(db, entry(token, makeResponse({ link_token: token, request_id: 'r2' })), logger),
    ).toBe('unchanged');
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from kept_answers where link_token = ${token}`.execute(db);
    expect(rows[0]?.n).toBe(1);
  });

  it('merges a later, thinner copy of a session into the fuller one kept before', async () => {
    const token = newToken();
    const full = makeSession({ exit, results: emptyResults, events: [opened, failed] });
    const thinner = makeSession({ exit: null, events: [opened], finished_at: null });
    const other = makeSession({ link_session_id: 'session-2' });
    await keepAnswer(
      db,
      entry(token, makeResponse({ link_token: token, link_sessions: [full] }), { seenBy: 'ana' }),
      logger,
    );
    await keepAnswer(
      db,
      entry(token, makeResponse({ link_token: token, link_sessions: [thinner, other] }), { seenBy: 'bo' }),
      logger,
    );

    const kept = await readKept(db, token, logger);
    expect(kept?.sessions.map((s) => [s.session.link_session_id, s.seen_by])).toEqual([
      ['session-1', 'bo'],
      ['session-2', 'bo'],
    ]);
    expect(kept?.sessions[0]?.session).toMatchObject({
      exit,
      results: emptyResults,
      events: [opened, failed],
    });
  });

  it('keeps the last copy of a session an answer names twice', async () => {
    const token = newToken();
    const first = makeSession({ events: [opened] });
    const last = makeSession({ exit, events: [opened, failed] });
    const answer = makeResponse({ link_token: token, link_sessions: [first, last] });
    expect(await keepAnswer(db, entry(token, answer), logger)).toBe('kept');
    expect((await readKept(db, token, logger))?.sessions.map((kept) => kept.session)).toEqual([last]);
  });

  it('skips a kept session that no longer parses and logs it', async () => {
    const token = newToken();
    const sessions = [makeSession({ link_session_id: 'good' }), makeSession({ link_session_id: 'bad' })];
    await keepAnswer(db, entry(token, makeResponse({ link_token: token, link_sessions: sessions })), logger);
    await sql`update kept_sessions set session = '{"events": 7}' where link_token = ${token} and link_session_id = 'bad'`.execute(
      db,
    );

    const kept = await readKept(db, token, logger);
    expect(kept?.sessions.map((s) => s.session.link_session_id)).toEqual(['good']);
    expect(
      logs
        .lines()
        .some((line) => String(line.msg).includes('does not parse') && line.link_session_id === 'bad'),
    ).toBe(true);
  });

  it("gives a lookup, in one read, the last answer's hash and only the kept sessions Plaid lacks", async () => {
    const token = newToken();
    expect(await readForLookup(db, token, logger)).toBeUndefined();
    const sessions = ['dropped', 'still-there', 'bad'].map((id) => makeSession({ link_session_id: id }));
    const answer = makeResponse({ link_token: token, link_sessions: sessions, request_id: 'r1' });
    await keepAnswer(db, entry(token, answer), logger);
    await sql`update kept_sessions set session = '{"events": 7}' where link_token = ${token} and link_session_id = 'bad'`.execute(
      db,
    );

    const kept = await readForLookup(db, token, logger);
    // The same answer under another request_id hashes alike: it is not parsed or written again.
    const again = new TextEncoder().encode(JSON.stringify({ ...answer, request_id: 'r2' }));
    expect(kept?.answerHash).toBe(answerHash(again));
    expect(kept?.hasSessions).toBe(true);
    expect(kept?.sessionsExcept(new Set(['still-there'])).map((s) => s.session.link_session_id)).toEqual([
      'dropped',
    ]);
    expect(
      logs
        .lines()
        .some((line) => String(line.msg).includes('does not parse') && line.link_session_id === 'bad'),
    ).toBe(true);

    const sessionless = newToken();
    await keepAnswer(db, entry(sessionless, makeResponse({ link_token: sessionless })), logger);
    expect(await readForLookup(db, sessionless, logger)).toMatchObject({ hasSessions: false });
  });

  it("stores, as it keeps an answer, History's verdict of everything kept, as diagnosing it again would", async () => {
    const simulator = await startSimulator({ port: 0, host: '127.0.0.1' });
    const columns = (token: string) =>
      db
        .selectFrom('kept_tokens')
        .select([...HISTORY_COLUMNS])
        .where('link_token', '=', token)
        .executeTakeFirstOrThrow();
    try {
      // The fault tokens answer as `fresh` does, late or spoiled.
      const fixtures = listScenarioTokens().filter(({ scenario }) => !scenario.startsWith('fault-'));
      for (const { link_token: fixture } of fixtures) {
        const token = newToken();
        const answer = await simulatorAnswer(simulator, fixture, token);
        if (!answer) continue;
        // A lookup saw an earlier answer, with a thinner copy of its sessions; a webhook reported a
        // session Plaid's answer lacks; and the recorder sees the answer itself.
        const thinner = {
          ...answer,
          expiration: '2026-11-25T09:30:00Z',
          link_sessions: answer.link_sessions?.map((session) => ({
            ...session,
            events: session.events?.slice(0, 1),
            exit: null,
          })),
        };
        await keepAnswer(db, entry(token, thinner, { seenAt: new Date('2026-11-25T10:00:00Z') }), logger);
        await keepWebhookSession(db, {
          linkToken: token,
          environment: 'sandbox',
          session: makeSession({ link_session_id: 'from-a-webhook', events: [opened] }),
          seenAt: new Date('2026-11-25T10:01:00Z'),
          seenBy: 'Plaid webhook',
        });
        const seenAt = new Date('2026-11-25T10:02:00Z');
        expect(await keepAnswer(db, entry(token, answer, { seenAt, source: 'recording' }), logger)).toBe(
          'kept',
        );

        const kept = await columns(token);
        await diagnoseKept(db, [token], seenAt, logger);
        expect({ fixture, ...kept }).toEqual({ fixture, ...(await columns(token)) });
        expect(kept.rules_version).toBe(DIAGNOSIS_RULES_VERSION);
      }
    } finally {
      await simulator.close();
    }
  });

  it('keeps the verdict of the newest answer when an answer seen earlier is kept after it', async () => {
    const token = newToken();
    const failedAnswer = makeResponse({
      link_token: token,
      link_sessions: [makeSession({ exit, events: [opened, failed] })],
    });
    await keepAnswer(db, entry(token, failedAnswer, { seenAt: new Date('2026-11-25T10:05:00Z') }), logger);
    const [newest] = await db
      .selectFrom('kept_tokens')
      .select([...HISTORY_COLUMNS])
      .where('link_token', '=', token)
      .execute();

    // Seen before the one kept, by an instance whose clock is behind: kept, and merged, but not newest.
    const earlier = makeResponse({ link_token: token, request_id: 'earlier' });
    await keepAnswer(
      db,
      entry(token, earlier, { seenAt: new Date('2026-11-25T10:00:00Z'), source: 'recording' }),
      logger,
    );
    const after = await db
      .selectFrom('kept_tokens')
      .select([...HISTORY_COLUMNS])
      .where('link_token', '=', token)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({
      verdict: newest?.verdict,
      last_source: 'lookup',
      sources: ['lookup', 'recording'],
    });
    expect(after.verdict).toBe('failed');
  });

  it('stores public tokens masked', async () => {
    const token = newToken();
    const success = { public_token: 'public-sandbox-11112222-3333-4444-5555-666677778888', metadata: null };
    const answer = makeResponse({ link_token: token, link_sessions: [makeSession({ on_success: success })] });
    await keepAnswer(db, entry(token, maskPublicTokens(answer) as LinkTokenGetResponse), logger);
    const { rows } = await sql<{
      text: string;
    }>`select answer::text as text from kept_answers where link_token = ${token}`.execute(db);
    expect(rows[0]?.text).not.toContain('666677778888');
    expect((await readKept(db, token, logger))?.sessions[0]?.session.on_success?.public_token).toBe(
      'public-sandbox-…8888',
    );
  });

  it('deletes tokens with everything kept about them, and purges those past retention', async () => {
    const [gone, old, recent] = [newToken(), newToken(), newToken()];
    const session = [makeSession()];
    await keepAnswer(db, entry(gone, makeResponse({ link_token: gone, link_sessions: session })), logger);
    await keepAnswer(
      db,
      entry(old, makeResponse({ link_token: old }), { seenAt: new Date('2020-01-01T00:00:00Z') }),
      logger,
    );
    await keepAnswer(db, entry(recent, makeResponse({ link_token: recent })), logger);

    expect(await deleteTokens(db, [gone, 'link-sandbox-unknown'])).toEqual([gone]);
    expect(await readKept(db, gone, logger)).toBeUndefined();
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from kept_sessions where link_token = ${gone}`.execute(db);
    expect(rows[0]?.n).toBe(0);

    expect(await purgeBefore(db, new Date('2021-01-01T00:00:00Z'))).toBe(1);
    expect(await readKept(db, old, logger)).toBeUndefined();
    expect(await readKept(db, recent, logger)).toBeDefined();
  });

  it.skipIf(backendName !== 'pglite')(
    'runs the embedded database with 16 MB of shared buffers, for its memory',
    async () => {
      const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(db);
      expect(rows[0]?.shared_buffers).toBe('16MB');
    },
  );

  it('stops at a migration that fails, naming it, with nothing of it applied', async () => {
    const broken = {
      ...MIGRATIONS,
      '900-broken': {
        async up(trx: Kysely<unknown>) {
          await sql`create table half_done (id int)`.execute(trx);
          await sql`select no_such_function()`.execute(trx);
        },
      },
    };
    await expect(migrate(db as Kysely<unknown>, broken)).rejects.toThrow(/migration 900-broken failed/);
    await expect(sql`select * from half_done`.execute(db)).rejects.toThrow();
  });
});
