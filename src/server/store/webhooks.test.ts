import type { Kysely } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEvent, makeResponse, makeSession } from '../../shared/test/fixtures';
import { answerHash } from './answer-hash';
import { keepAnswer, readKept } from './kept-answers';
import { openDatabase } from './open-database';
import type { Database } from './schema';
import { BACKENDS, startBackend, type TestBackend } from './test-backends';
import { diagnoseWithoutConfiguration } from '../../shared/diagnosis';
import { sessionsOnlyAnswer } from '../../shared/diagnosis/sessions-only';
import { diagnoseKept } from './history';
import { keepWebhookSession, tokenEnvironment, type WebhookSessionToKeep } from './webhooks';

// The hash a lookup takes of Plaid's bytes, for answers written straight to the store.
function hashOf(answer: unknown): string {
  return answerHash(new TextEncoder().encode(JSON.stringify(answer)));
}

let tokenNumber = 0;
function newToken(): string {
  tokenNumber += 1;
  return `link-sandbox-00000000-0000-4000-9000-${String(tokenNumber).padStart(12, '0')}`;
}

const opened = makeEvent({ event_name: 'OPEN', timestamp: '2026-11-25T10:00:01Z' });
const selected = makeEvent({ event_name: 'SELECT_INSTITUTION', timestamp: '2026-11-25T10:00:20Z' });
const handoff = makeEvent({ event_name: 'HANDOFF', timestamp: '2026-11-25T10:01:00Z' });
const logger = pino({ level: 'silent' });

function fromWebhook(linkToken: string, session: WebhookSessionToKeep['session'], seenAt = new Date()) {
  return { linkToken, environment: 'sandbox' as const, session, seenAt, seenBy: 'Plaid webhook' };
}

describe.each(BACKENDS)('sessions kept from webhooks on %s', (backendName) => {
  let backend: TestBackend;
  let db: Kysely<Database>;

  beforeAll(async () => {
    backend = await startBackend(backendName);
    db = (await openDatabase(backend.location, logger)).db;
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
    await backend?.done();
  });

  it('creates a token the store has never seen, with the session labelled as from a webhook', async () => {
    const token = newToken();
    expect(await tokenEnvironment(db, token)).toBeUndefined();
    const session = { link_session_id: 'session-1', events: [opened, handoff] };
    expect(await keepWebhookSession(db, fromWebhook(token, session))).toEqual({ result: 'kept' });

    expect(await tokenEnvironment(db, token)).toBe('sandbox');
    const kept = await readKept(db, token, logger);
    expect(kept?.answer).toBeUndefined();
    expect(kept?.sessions).toMatchObject([{ session, source: 'webhook', seen_by: 'Plaid webhook' }]);
  });

  it("gives a token known only from webhooks History's verdict, read from its sessions alone", async () => {
    const token = newToken();
    const session = {
      link_session_id: 'session-1',
      events: [opened, selected, handoff],
      finished_at: handoff.timestamp,
    };
    await keepWebhookSession(db, fromWebhook(token, session));
    const now = new Date('2026-11-25T12:00:00Z');
    await diagnoseKept(db, [token], now, logger);
    // The page's reading of the same sessions with no configuration known (as for pasted logs).
    const expected = diagnoseWithoutConfiguration(
      sessionsOnlyAnswer(token, [makeSession({ ...session, exit: null, on_success: null })]),
      now.getTime(),
    ).verdict;

    const row = await db
      .selectFrom('kept_tokens')
      .select(['verdict', 'last_source', 'sources', 'session_count'])
      .where('link_token', '=', token)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      verdict: expected,
      last_source: 'webhook',
      sources: ['webhook'],
      session_count: 1,
    });
    expect(expected).toBe('abandoned');
  });

  it('changes nothing when the same webhook comes again', async () => {
    const token = newToken();
    const session = { link_session_id: 'session-1', events: [opened, handoff] };
    const first = new Date('2026-11-25T10:02:00Z');
    await keepWebhookSession(db, fromWebhook(token, session, first));
    expect(await keepWebhookSession(db, fromWebhook(token, session, new Date()))).toEqual({
      result: 'unchanged',
    });
    const kept = await readKept(db, token, logger);
    expect(kept?.sessions).toHaveLength(1);
    expect(kept?.sessions[0]?.seen_at).toBe(first.toISOString());
  });

  it("fills in what a lookup's copy lacks, and never overwrites what it said", async () => {
    const token = newToken();
    const looked = makeSession({ link_session_id: 'session-1', events: [opened], finished_at: null });
    await keepAnswer(
      db,
      {
        linkToken: token,
        environment: 'sandbox',
        answer: makeResponse({ link_token: token, link_sessions: [looked] }),
        answerHash: hashOf(makeResponse({ link_token: token, link_sessions: [looked] })),
        source: 'lookup',
        seenAt: new Date(),
        seenBy: 'ana',
      },
      logger,
    );
    const webhook = {
      link_session_id: 'session-1',
      events: [opened, selected, handoff],
      finished_at: '2026-11-25T10:01:05.000Z',
      started_at: '1999-01-01T00:00:00Z',
    };
    expect(await keepWebhookSession(db, fromWebhook(token, webhook))).toEqual({ result: 'kept' });

    const kept = await readKept(db, token, logger);
    expect(kept?.answer).toBeDefined();
    expect(kept?.sessions).toHaveLength(1);
    expect(kept?.sessions[0]).toMatchObject({ source: 'webhook', seen_by: 'Plaid webhook' });
    expect(kept?.sessions[0]?.session).toMatchObject({
      events: [opened, selected, handoff],
      finished_at: '2026-11-25T10:01:05.000Z',
      // The lookup's own value stays.
      started_at: looked.started_at,
    });
  });

  it('refuses a session for a token the store holds under another environment', async () => {
    const token = newToken();
    await keepWebhookSession(db, fromWebhook(token, { link_session_id: 'session-1' }));
    const production = {
      ...fromWebhook(token, { link_session_id: 'session-2', events: [opened] }),
      environment: 'production' as const,
    };
    expect(await keepWebhookSession(db, production)).toEqual({
      result: 'other environment',
      environment: 'sandbox',
    });
    expect((await readKept(db, token, logger))?.sessions.map((s) => s.session.link_session_id)).toEqual([
      'session-1',
    ]);
  });
});
