import { cleanup, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../../test/msw-server';
import { catchDownloads } from '../../../test/downloads';
import { failedSession, linkTokenBody, requestedToken, tokenNumber } from '../../../test/batch-answers';
import { cellsOf, configHandler, pasteAndRun, renderBatch } from '../../../test/render-batch';

// What a batch keeps of its source and across a reload: a pasted CSV's own columns and each token's
// occurrence count in the exports; the token list in sessionStorage, brought back on reload with the
// store's kept answers instead of asking Plaid; a warning before leaving answers the store is not
// keeping.

const KEPT = tokenNumber(1);
const FORGOTTEN = tokenNumber(2);

let lookups: string[];
let keptReads: string[][];
// Whether the server has a store: the `kept` field beside each answer, and POST /api/kept/read.
let store: boolean;

function handlers() {
  return [
    http.post('/api/link/token/get', async ({ request }) => {
      const token = await requestedToken(request);
      lookups.push(token);
      const body = linkTokenBody(token, { sessions: [failedSession('INSTITUTION_DOWN')] });
      const kept = { status: 'queued', sessions: [], permalink: `/?link_token=${token}&kept=1` };
      return HttpResponse.json(store ? { ...body, kept } : body);
    }),
    http.post('/api/kept/read', async ({ request }) => {
      const { link_tokens } = (await request.json()) as { link_tokens: string[] };
      keptReads.push(link_tokens);
      if (!store)
        return HttpResponse.json(
          {
            error_type: 'PROXY_ERROR',
            error_code: 'STORE_UNAVAILABLE',
            error_message: 'This server keeps no answers.',
            display_message: null,
            request_id: 'req-store',
          },
          { status: 503 },
        );
      return HttpResponse.json({
        kept: link_tokens
          .filter((token) => token === KEPT)
          .map((token) => ({
            link_token: token,
            environment: 'sandbox',
            seen_at: '2026-11-25T05:30:00Z',
            seen_by: 'local',
            answer: linkTokenBody(token),
            // The store's sessions, merged across the answers it kept.
            sessions: [
              {
                session: failedSession('INSTITUTION_DOWN'),
                source: 'lookup',
                first_seen_at: '2026-11-25T05:30:00Z',
                seen_at: '2026-11-25T05:30:00Z',
                seen_by: 'local',
              },
            ],
            permalink: `/?link_token=${token}&kept=1`,
          })),
        not_kept: link_tokens.filter((token) => token !== KEPT),
      });
    }),
  ];
}

beforeEach(() => {
  lookups = [];
  keptReads = [];
  store = true;
  sessionStorage.clear();
  server.use(configHandler(), ...handlers());
});

// A support lead's export: a header, the token in its second column, one token pasted three times
// and a junk line.
const CSV = [
  'user_id,link_token,created',
  `u-17,${KEPT},2026-11-20`,
  `u-42,${FORGOTTEN},2026-11-21`,
  'page 2 of 2',
  `u-17,${KEPT},2026-11-22`,
  `u-17,${KEPT},2026-11-23`,
].join('\n');

describe('the exports keep the source', () => {
  let blobs: Blob[];
  beforeEach(() => {
    blobs = catchDownloads();
  });

  it("writes the pasted CSV's own columns and each token's occurrence count beside it", async () => {
    const user = renderBatch();
    await pasteAndRun(user, CSV);
    await screen.findByText(/^Done:/);

    await user.click(screen.getByRole('button', { name: 'Export CSV (2 rows)' }));
    await user.click(screen.getByRole('button', { name: 'Export JSON (2 rows)' }));
    const [csv = '', json = ''] = await Promise.all(blobs.map((blob) => blob.text()));

    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/,request_id,occurrences,source_user_id,source_created$/);
    expect(lines[1]).toMatch(new RegExp(`^${KEPT},.*,3,u-17,2026-11-20$`));
    expect(lines[2]).toMatch(new RegExp(`^${FORGOTTEN},.*,1,u-42,2026-11-21$`));
    expect(JSON.parse(json).tokens[0]).toMatchObject({
      link_token: KEPT,
      occurrences: 3,
      source: { user_id: 'u-17', created: '2026-11-20' },
    });
  });
});

describe('a reload keeps a finished batch', () => {
  it('brings the tokens back from sessionStorage and their answers from the store, without asking Plaid', async () => {
    const user = renderBatch();
    await user.type(await screen.findByLabelText('Client ID'), 'my-client');
    await user.type(screen.getByLabelText('Secret'), 'my-secret');
    await pasteAndRun(user, CSV);
    await screen.findByText(/^Done:/);
    const saved = JSON.stringify({ ...sessionStorage });
    expect(saved).toContain(KEPT);
    expect(saved).not.toMatch(/my-secret|my-client|INSTITUTION_DOWN/);

    // The reload: the page starts again with only sessionStorage.
    cleanup();
    lookups = [];
    const again = renderBatch();

    expect(await screen.findByText(/^Brought back after a reload: 1 of 2 tokens/)).toBeVisible();
    expect(keptReads).toEqual([[KEPT, FORGOTTEN]]);
    expect(lookups).toEqual([]);
    expect(cellsOf(KEPT)['Verdict']).toBe('Failed');
    expect(cellsOf(FORGOTTEN)['Verdict']).toBe('Not kept');
    expect(screen.getByText(/the store holds none for them/)).toBeVisible();

    // The source columns came back too.
    const exported = catchDownloads();
    await again.click(screen.getByRole('button', { name: 'Export CSV (2 rows)' }));
    expect((await exported[0]!.text()).split('\r\n')[1]).toMatch(/,3,u-17,2026-11-20$/);

    await again.click(screen.getByRole('button', { name: 'Look up the 1 token again' }));
    await waitFor(() => expect(cellsOf(FORGOTTEN)['Verdict']).toBe('Failed'));
    expect(lookups).toEqual([FORGOTTEN]);
  });

  it('warns before leaving a finished batch the store is not keeping', async () => {
    store = false;
    const user = renderBatch();
    await pasteAndRun(user, `${KEPT}\n${FORGOTTEN}`);
    await screen.findByText(/^Done:/);

    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);

    // Reloaded anyway: the tokens come back, each Not kept, saying why.
    cleanup();
    renderBatch();
    expect(await screen.findByText(/could not be read \(This server keeps no answers\.\)/)).toBeVisible();
    expect(cellsOf(KEPT)['Verdict']).toBe('Not kept');
  });
});
