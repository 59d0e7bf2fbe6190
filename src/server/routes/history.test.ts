import bcrypt from 'bcryptjs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryPageSchema } from '../../shared/history/history-api';
import type { LinkTokenGetResponse } from '../../shared/schemas/link-token-get-response';
import { makeResponse, makeSession } from '../../shared/test/fixtures';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { openStore, type Store } from '../store/store';
import { startBackend, type TestBackend } from '../store/test-backends';
import { captureLogs } from '../testing/log-capture';

// GET /api/history and its export, in-process over a real embedded store.

const PASSWORD = 'history-password';
const users = `ana:${bcrypt.hashSync(PASSWORD, 10)}`;
const signedIn = { headers: { Authorization: `Basic ${Buffer.from(`ana:${PASSWORD}`).toString('base64')}` } };

function appWith(store: Store | undefined) {
  const logs = captureLogs();
  const config = loadConfig({
    PLAID_UPSTREAM: 'plaid',
    PLAID_CLIENT_ID: 'id',
    PLAID_SECRET_SANDBOX: 'server-sandbox-secret',
    AUTH_USERS: users,
  });
  const app = createApp(
    { ...config, clientDir: 'src/server/testing' },
    { store, logger: pino(logs.destination) },
  );
  return Object.assign(app, { logs });
}

const failedToken = 'link-sandbox-25000000-0000-4000-8000-000000000001';
const linkedToken = 'link-sandbox-25000000-0000-4000-8000-000000000002';

function failedAt(bank: string, token: string): LinkTokenGetResponse {
  return makeResponse({
    link_token: token,
    request_id: 'req-failed',
    link_sessions: [
      makeSession({
        link_session_id: 'session-failed',
        exit: {
          error: {
            error_type: 'ITEM_ERROR',
            error_code: 'INVALID_CREDENTIALS',
            error_message: '=wrong, "quoted"',
            display_message: null,
            request_id: 'x',
          },
          metadata: { status: 'requires_credentials', institution: { name: bank, institution_id: 'ins_1' } },
        },
      }),
    ],
  });
}

describe('GET /api/history', () => {
  let backend: TestBackend;
  let store: Store;
  beforeAll(async () => {
    backend = await startBackend('pglite');
    store = await openStore({ location: backend.location, retentionDays: 30 }, pino({ level: 'silent' }));
    const keep = (answer: LinkTokenGetResponse) =>
      store.keep({
        linkToken: answer.link_token,
        environment: 'sandbox',
        body: new TextEncoder().encode(JSON.stringify(answer)),
        source: 'lookup',
        seenBy: 'ana',
      });
    keep(failedAt('Tartan, Bank', failedToken));
    await store.idle();
    keep(makeResponse({ link_token: linkedToken, request_id: 'req-none' }));
    await store.idle();
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await backend?.done();
  });

  it('answers a page with the breakdown, permalinks, and audits the read with the filter', async () => {
    const app = appWith(store);
    const response = await app.request(
      '/api/history?view=history&verdict=failed&verdict=abandoned',
      signedIn,
    );
    expect(response.status).toBe(200);
    const page = HistoryPageSchema.parse(await response.json());
    expect(page.rows.map((row) => [row.link_token, row.verdict, row.permalink])).toEqual([
      [failedToken, 'failed', `/?link_token=${failedToken}&kept=1`],
    ]);
    expect(page.total).toBe(1);
    expect(page.breakdown.verdict).toEqual([
      { value: 'failed', count: 1 },
      { value: 'abandoned', count: 0 },
      { value: 'no session data', count: 1 },
    ]);
    expect(page.banks).toMatchObject([{ institution: 'Tartan, Bank', failed: 1, total: 1 }]);
    expect(page.outdated_verdicts).toBe(0);
    expect(app.logs.lines()).toContainEqual(
      expect.objectContaining({
        audit: 'history.read',
        user: 'ana',
        filter: expect.objectContaining({ verdict: ['failed', 'abandoned'] }),
      }),
    );
    // The audit names the filter only, not the page's size.
    const audit = app.logs.lines().find((line) => line.audit === 'history.read');
    expect(Object.keys(audit?.filter ?? {})).not.toContain('limit');
  });

  it('pages with `next` and refuses a cursor it did not give', async () => {
    const app = appWith(store);
    const first = HistoryPageSchema.parse(await (await app.request('/api/history?limit=1', signedIn)).json());
    expect(first.rows).toHaveLength(1);
    expect(first.next).not.toBeNull();
    const second = HistoryPageSchema.parse(
      await (await app.request(`/api/history?limit=1&after=${first.next}`, signedIn)).json(),
    );
    expect(second.rows.map((row) => row.link_token)).not.toContain(first.rows[0]!.link_token);
    expect(second.next).toBeNull();

    const forged = await app.request('/api/history?after=bm90LWEtY3Vyc29y', signedIn);
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({
      error_code: 'INVALID_QUERY',
      error_message: expect.stringMatching(/^after:/),
    });
  });

  it.each([
    ['verdict=maybe', /^verdict\.0:/],
    ['limit=0', /^limit:/],
    ['from=yesterday', /^from: Expected an ISO date/],
    ['link_token=a&link_token=b', /^Give link_token once/],
  ])('answers ?%s with a 400 JSON error naming the filter', async (query, message) => {
    const response = await appWith(store).request(`/api/history?${query}`, signedIn);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error_code: 'INVALID_QUERY',
      error_message: expect.stringMatching(message),
    });
  });

  it('needs a signed-in user, as lookups do', async () => {
    const response = await appWith(store).request('/api/history');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error_code: 'UNAUTHORIZED' });
  });

  it('exports the filtered list as CSV, an attachment in batch’s words, and audits it', async () => {
    const app = appWith(store);
    const response = await app.request(
      '/api/history/export?format=csv&error_code=INVALID_CREDENTIALS',
      signedIn,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="history-.*\.csv"$/);
    const [header, row, end] = (await response.text()).split('\r\n');
    expect(header).toBe(
      'link_token,environment,verdict,summary,error_code,exit_status,institution,institution_id,step_reached,sessions,last_seen_at,sources,last_source,permalink',
    );
    expect(row).toContain(`${failedToken},sandbox,Failed,`);
    expect(row).toContain(',INVALID_CREDENTIALS,requires_credentials,"Tartan, Bank",ins_1,');
    expect(end).toBe('');
    expect(app.logs.lines()).toContainEqual(
      expect.objectContaining({ audit: 'history.export', user: 'ana', format: 'csv' }),
    );
  });

  it('exports JSON with the same columns', async () => {
    const response = await appWith(store).request('/api/history/export?format=json', signedIn);
    expect(response.headers.get('Content-Disposition')).toMatch(/\.json"$/);
    const body = await response.json();
    expect(body.tokens.map((token: { link_token: string }) => token.link_token)).toEqual([
      linkedToken,
      failedToken,
    ]);
    expect(body.tokens[1]).toMatchObject({
      verdict: 'Failed',
      institution: 'Tartan, Bank',
      sources: 'lookup',
    });
  });

  it('refuses an export without a format', async () => {
    const response = await appWith(store).request('/api/history/export', signedIn);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error_code: 'INVALID_QUERY',
      error_message: expect.stringMatching(/^format:/),
    });
  });
});

describe('GET /api/history without a store', () => {
  it('says the server keeps no answers', async () => {
    const response = await appWith(undefined).request('/api/history', signedIn);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      error_code: 'STORE_UNAVAILABLE',
      error_message: 'This server keeps no answers, so it has no History.',
    });
  });
});
