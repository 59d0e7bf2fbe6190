import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatInZone, formatTimeOfDay } from '../../../../shared/domain/format-time';
import type { ServerInfo } from '../../../../shared/api-types';
import { MAX_LISTED_IGNORED_LINES } from '../../../../shared/extract-tokens';
import { server } from '../../../test/msw-server';
import {
  failedSession,
  linkedSession,
  linkTokenBody,
  plaidErrorBody,
  requestedToken,
  tokenNumber,
} from '../../../test/batch-answers';
import {
  BATCH_SERVER_INFO,
  batchTab,
  bodyRows,
  cellsOf,
  configHandler,
  pasteAndRun,
  renderBatch,
  rowOf,
  shownTokens,
} from '../../../test/render-batch';

// The batch view's input and run: what it finds in pasted text, how long it says a batch takes,
// each token looked up once with its diagnosis in the row, rate-limit pauses, cancel, sorting,
// and the input folding away once a run starts. Breakdown, drawer, retry and exports:
// BatchTriage.test.tsx.

const ACTIVE = tokenNumber(1);
const EXPIRED = tokenNumber(2);
const INVALID = tokenNumber(3);
const BUSY = tokenNumber(4);

// The server as msw plays it: one answer per token, every request recorded.
let requests: Record<string, unknown>[];
function answersByToken() {
  return http.post('/api/link/token/get', async ({ request }) => {
    const body = (await request.clone().json()) as Record<string, unknown>;
    requests.push(body);
    const token = await requestedToken(request);
    if (token === INVALID) return HttpResponse.json(plaidErrorBody('INVALID_LINK_TOKEN'), { status: 400 });
    if (token === EXPIRED)
      return HttpResponse.json(
        linkTokenBody(token, { expiration: '2026-01-01T00:00:00Z', sessions: [linkedSession()] }),
      );
    if (token === BUSY)
      return HttpResponse.json(
        linkTokenBody(token, {
          sessions: [
            failedSession('INSTITUTION_DOWN', { startedAt: '2026-11-25T05:10:00Z' }),
            linkedSession(),
          ],
        }),
      );
    return HttpResponse.json(linkTokenBody(token));
  });
}

beforeEach(() => {
  requests = [];
  server.use(configHandler(), answersByToken());
});

const LOG = [
  `06:00:01 INFO created link_token=${ACTIVE}`,
  'this line has nothing',
  `06:00:02 WARN lookup failed ${INVALID}, retrying ${INVALID}`,
  `{"token": "${EXPIRED}"}, "${BUSY}"`,
].join('\n');

describe('BatchView', () => {
  it('summarises what it found in pasted text before looking anything up', async () => {
    const user = renderBatch();
    await user.click(screen.getByLabelText(/Tokens, or any text/));
    await user.paste(LOG);

    expect(await screen.findByText('4 unique link tokens found (1 duplicate removed).')).toBeInTheDocument();
    expect(screen.getByText('1 line without a link token ignored')).toBeInTheDocument();
    expect(screen.getByText(/Line 2:/)).toHaveTextContent('Line 2: this line has nothing');
    expect(screen.getByRole('button', { name: 'Look up 4 tokens' })).toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  it('reads a chosen file', async () => {
    const user = renderBatch();
    const file = new File([`${ACTIVE}\n${EXPIRED}\n`], 'tokens.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText(/choose a file/i), file);

    expect(await screen.findByText('2 unique link tokens found.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Tokens, or any text/)).toHaveValue(`${ACTIVE}\n${EXPIRED}\n`);
  });

  it('reads a dropped file', async () => {
    renderBatch();
    const file = new File([`a,b\n${ACTIVE},x\n`], 'export.csv', { type: 'text/csv' });
    fireEvent.drop(screen.getByLabelText(/Tokens, or any text/), { dataTransfer: { files: [file] } });

    expect(await screen.findByText('1 unique link token found.')).toBeInTheDocument();
    expect(screen.getByText(/Line 1:/)).toHaveTextContent('Line 1: a,b');
  });

  it('says that only the first 500 tokens are used', async () => {
    const user = renderBatch();
    await user.click(screen.getByLabelText(/Tokens, or any text/));
    await user.paste(Array.from({ length: 503 }, (_, n) => tokenNumber(n)).join(' '));

    expect(
      await screen.findByText(
        'Only the first 500 tokens will be looked up; 3 more are left out. Run them as a second batch.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Look up 500 tokens' })).toBeInTheDocument();
  });

  it('reads a long paste once typing pauses, not on every keystroke, then lists a few dozen ignored lines', async () => {
    renderBatch();
    const input = screen.getByLabelText(/Tokens, or any text/);
    // 20,000 lines of log noise, about 400 KB, and one token.
    const noise = Array.from({ length: 20_000 }, (_, n) => `12:00:${n} GET /health 200`);
    fireEvent.change(input, { target: { value: [...noise, ACTIVE].join('\n') } });

    // Nothing is read while the text is still changing: the button waits too.
    expect(screen.getByRole('status')).toHaveTextContent('Reading the text…');
    expect(screen.getByRole('button', { name: 'Reading the text…' })).toBeDisabled();
    fireEvent.change(input, { target: { value: [...noise, ACTIVE, EXPIRED].join('\n') } });
    expect(screen.getByRole('status')).toHaveTextContent('Reading the text…');

    expect(await screen.findByText('2 unique link tokens found.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Look up 2 tokens' })).toBeEnabled();
    expect(screen.getByText('20000 lines without a link token ignored')).toBeInTheDocument();
    expect(screen.getAllByText(/^Line \d+:/)).toHaveLength(MAX_LISTED_IGNORED_LINES);
    expect(screen.getByText(`…and ${20_000 - MAX_LISTED_IGNORED_LINES} more.`)).toBeInTheDocument();
  });

  it('refuses a paste over 5 MB with a clear message instead of reading it', async () => {
    renderBatch();
    const input = screen.getByLabelText(/Tokens, or any text/);
    fireEvent.change(input, { target: { value: `${ACTIVE}\n${'x'.repeat(6 * 1024 * 1024)}` } });

    expect(screen.getByRole('alert')).toHaveTextContent(
      'The text is 6.0 MB; up to 5 MB can be read at once. Paste or choose a shorter excerpt, or split it into several batches.',
    );
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Look up tokens' })).toBeDisabled();

    fireEvent.change(input, { target: { value: ACTIVE } });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Look up 1 token' })).toBeEnabled();
  });

  it('fills in the simulator fixture tokens in simulator mode', async () => {
    server.use(
      http.get('/api/simulator/tokens', () =>
        HttpResponse.json({
          tokens: [
            { link_token: ACTIVE, scenario: 'fresh', description: 'Fresh' },
            { link_token: EXPIRED, scenario: 'expired', description: 'Expired' },
          ],
        }),
      ),
    );
    const user = renderBatch();
    await user.click(await screen.findByRole('button', { name: 'Fill in every simulator fixture token' }));

    expect(screen.getByLabelText(/Tokens, or any text/)).toHaveValue(`${ACTIVE}  fresh\n${EXPIRED}  expired`);
    expect(await screen.findByText('2 unique link tokens found.')).toBeInTheDocument();
  });

  it('refuses to start without tokens, or with half of the credentials', async () => {
    const user = renderBatch();
    await user.click(screen.getByRole('button', { name: 'Look up tokens' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No link tokens found.');

    await user.type(screen.getByLabelText(/Tokens, or any text/), ACTIVE);
    await user.click(await screen.findByText('Credentials'));
    const credentials = screen.getByRole('group', { name: 'Credentials' });
    expect(credentials).toHaveTextContent('Used for every token in this batch; never stored.');
    await user.type(within(credentials).getByLabelText('Client ID'), 'my-client');
    await user.click(screen.getByRole('button', { name: 'Look up 1 token' }));

    expect(await screen.findByText('Enter the secret too, or clear the client ID.')).toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  it('says how long the batch will take before it starts, from the server’s rate limit', async () => {
    server.use(configHandler({ ...BATCH_SERVER_INFO, rateLimitPerMinute: 120 }));
    const user = renderBatch();
    await user.click(screen.getByLabelText(/Tokens, or any text/));
    await user.paste(LOG);
    expect(
      await screen.findByText(
        'Expected time: under a minute (this server allows 120 lookups a minute per user).',
      ),
    ).toBeInTheDocument();

    await user.clear(screen.getByLabelText(/Tokens, or any text/));
    await user.paste(Array.from({ length: 500 }, (_, n) => tokenNumber(n)).join(' '));
    expect(
      await screen.findByText(
        'Expected time: about 4 minutes: this server allows 120 lookups a minute per user, so the batch waits for the limit 4 times.',
      ),
    ).toBeInTheDocument();
  });

  it('looks every token up once, and each row carries its diagnosis', async () => {
    const user = renderBatch();
    await pasteAndRun(user, LOG);

    expect(await screen.findByText('Done: 4 of 4 looked up, 1 lookup failed.')).toBeInTheDocument();
    expect(requests.map((body) => body.link_token).sort()).toEqual([ACTIVE, EXPIRED, INVALID, BUSY].sort());
    // Worst first: Failed, Lookup failed, No session data (created over six hours ago), Linked.
    expect(shownTokens()).toEqual([BUSY, INVALID, ACTIVE, EXPIRED]);

    // The newest session failed at the bank after an earlier one linked: the verdict is the failure.
    expect(cellsOf(BUSY)).toEqual({
      Token: 'link-sandbox-00000004…0000',
      Verdict: 'Failed',
      'Who acts next': 'Wait for the bank',
      'Error code': 'INSTITUTION_DOWN',
      'Exit status': 'requires_credentials',
      Institution: 'Houndstooth Bank',
      'Step reached': 'Bank credentials',
      // The time of day in the zone the user chose; the date on hover.
      'Last activity': formatTimeOfDay(new Date('2026-11-25T05:15:00Z'), 'local'),
      'Token validity': 'Active',
      Sessions: '2',
    });
    // The verdict and the token's validity are different questions.
    expect(cellsOf(EXPIRED)).toMatchObject({ Verdict: 'Linked', 'Token validity': 'Expired' });
    // A lookup that failed reads so, with its code and who acts next.
    expect(cellsOf(INVALID)).toMatchObject({
      Verdict: 'Lookup failed',
      'Error code': 'INVALID_LINK_TOKEN',
      'Who acts next': 'The person looking up the token',
      'Token validity': '',
    });
  });

  it('shows the last activity as a time, with the full date on hover', async () => {
    const user = renderBatch();
    await pasteAndRun(user, BUSY);
    await screen.findByText(/^Done:/);

    const time = within(rowOf(BUSY)).getByText((_, element) => element?.tagName === 'TIME');
    expect(time).toHaveAttribute('dateTime', '2026-11-25T05:15:00.000Z');
    expect(time.title).toContain(formatInZone(new Date('2026-11-25T05:15:00Z'), 'local'));
  });

  it('folds the input into one line once a run starts, and opens it again on demand', async () => {
    const user = renderBatch();
    await pasteAndRun(user, LOG);
    await screen.findByText(/^Done:/);

    const toggle = screen.getByRole('button', { name: 'Change the tokens' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText('4 tokens')).toBeInTheDocument();
    expect(screen.getByLabelText(/Tokens, or any text/)).not.toBeVisible();

    await user.click(toggle);
    expect(screen.getByRole('button', { name: 'Hide the input' })).toHaveAttribute('aria-expanded', 'true');
    // The pasted text is still there, ready for a new batch.
    expect(screen.getByLabelText(/Tokens, or any text/)).toBeVisible();
    expect(screen.getByLabelText(/Tokens, or any text/)).toHaveValue(LOG);
  });

  it('opens the folded input with the tokens another view sends', async () => {
    const user = userEvent.setup();
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const view = (incoming: { tokens: string[] } | null) => batchTab(queryClient, incoming);
    const { rerender } = render(view(null));
    await pasteAndRun(user, ACTIVE);
    await screen.findByText(/^Done:/);
    expect(screen.getByLabelText(/Tokens, or any text/)).not.toBeVisible();

    rerender(view({ tokens: [EXPIRED, BUSY] }));

    expect(screen.getByLabelText(/Tokens, or any text/)).toBeVisible();
    expect(screen.getByLabelText(/Tokens, or any text/)).toHaveValue(`${EXPIRED}\n${BUSY}`);
    expect(await screen.findByRole('button', { name: 'Look up 2 tokens' })).toBeVisible();
  });

  // Open, they push the run button below the fold; so they start closed unless the batch cannot
  // run without them.
  it.each<[string, ServerInfo, boolean, string]>([
    ['the simulator', BATCH_SERVER_INFO, false, 'Credentials (optional)'],
    [
      'a server with sandbox credentials',
      { ...BATCH_SERVER_INFO, mode: 'plaid', serverCredentials: ['sandbox'] },
      false,
      'Credentials (optional)',
    ],
    [
      'a server with no credentials',
      { ...BATCH_SERVER_INFO, mode: 'plaid', serverCredentials: [] },
      true,
      'Credentials (needed)',
    ],
  ])(
    'with %s, the credentials start open only if the server has none',
    async (_server, info, open, summary) => {
      server.use(configHandler(info));
      renderBatch();
      const clientId = await screen.findByLabelText('Client ID');
      await waitFor(() =>
        expect(screen.getByText('Credentials').closest('summary')).toHaveTextContent(summary),
      );
      if (open) expect(clientId).toBeVisible();
      else expect(clientId).not.toBeVisible();
    },
  );

  it('masks a public token in the list of ignored lines, as the ticket does', async () => {
    const user = renderBatch();
    await user.click(screen.getByLabelText(/Tokens, or any text/));
    await user.paste(`${ACTIVE}\nonSuccess public-sandbox-b0e2c4ee-a763-4df5-bfe9-46a46bce993d`);
    await user.click(await screen.findByText('1 line without a link token ignored'));
    expect(screen.getByText('onSuccess public-sandbox-••••••')).toBeVisible();
    expect(document.body).not.toHaveTextContent('b0e2c4ee');
  });

  it('sends the shared credentials with every lookup', async () => {
    const user = renderBatch();
    await user.click(await screen.findByText('Credentials'));
    await user.type(await screen.findByLabelText('Client ID'), 'my-client');
    await user.type(screen.getByLabelText('Secret'), 'my-secret');
    await pasteAndRun(user, `${ACTIVE} ${EXPIRED}`);

    await screen.findByText('Done: 2 of 2 looked up.');
    expect(requests).toEqual([
      { link_token: ACTIVE, client_id: 'my-client', secret: 'my-secret' },
      { link_token: EXPIRED, client_id: 'my-client', secret: 'my-secret' },
    ]);
  });

  it('names a retired development token without asking the server', async () => {
    const user = renderBatch();
    await pasteAndRun(user, 'link-development-33333333-3333-4333-8333-333333333333');

    await screen.findByText('Done: 1 of 1 looked up, 1 lookup failed.');
    expect(bodyRows()[0]).toHaveTextContent('ENVIRONMENT_RETIRED');
    expect(requests).toEqual([]);
  });

  // The first lookup is refused with a 429 (Retry-After: 1 s) of this code, every later one answered.
  function rateLimitedOnce(code: string, type: string) {
    let limited = false;
    return http.post('/api/link/token/get', async ({ request }) => {
      const token = await requestedToken(request);
      if (!limited) {
        limited = true;
        return HttpResponse.json(plaidErrorBody(code, type), {
          status: 429,
          headers: { 'Retry-After': '1' },
        });
      }
      return HttpResponse.json(linkTokenBody(token));
    });
  }

  it('pauses after a 429 for Retry-After and then finishes', async () => {
    server.use(rateLimitedOnce('RATE_LIMITED', 'PROXY_ERROR'));
    const user = renderBatch();
    await pasteAndRun(user, `${ACTIVE}\n${EXPIRED}`);

    expect(
      await screen.findByText('Rate limited by the server: pausing all lookups for 1 second.'),
    ).toBeInTheDocument();
    expect(await screen.findByText('Done: 2 of 2 looked up.', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByText('Waited for a rate limit once')).toBeInTheDocument();
  });

  it('says a 429 from Plaid is Plaid’s rate limit, not the server’s', async () => {
    server.use(rateLimitedOnce('RATE_LIMIT', 'RATE_LIMIT_EXCEEDED'));
    const user = renderBatch();
    await pasteAndRun(user, `${ACTIVE}\n${EXPIRED}`);

    expect(
      await screen.findByText('Rate limited by Plaid: pausing all lookups for 1 second.'),
    ).toBeInTheDocument();
    expect(await screen.findByText('Done: 2 of 2 looked up.', {}, { timeout: 3000 })).toBeInTheDocument();
  });

  it('shows done, failed and the time it expects while running, and cancels what is in flight and queued', async () => {
    server.use(
      http.post('/api/link/token/get', async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const user = renderBatch();
    await pasteAndRun(user, Array.from({ length: 6 }, (_, n) => tokenNumber(n)).join('\n'));

    expect(await screen.findByText('Looking up 6 tokens…')).toBeInTheDocument();
    expect(
      screen.getByText(
        '0 of 6 done · 0 failed lookups · 0 rate-limit waits · Expected time: under a minute (this server allows 120 lookups a minute per user).',
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel batch' }));

    expect(await screen.findByText('Cancelled after 0 of 6 lookups.')).toBeInTheDocument();
    expect(bodyRows().map((row) => within(row).getAllByRole('cell')[1]!.textContent)).toEqual(
      Array(6).fill('Cancelled'),
    );
    expect(screen.queryByRole('button', { name: 'Cancel batch' })).not.toBeInTheDocument();
  });

  it('sorts worst first until a column header or the menu says otherwise', async () => {
    const user = renderBatch();
    await pasteAndRun(user, LOG);
    await screen.findByText(/^Done:/);

    const verdictHeader = screen.getByRole('columnheader', { name: /Verdict/ });
    expect(verdictHeader).toHaveAttribute('aria-sort', 'ascending');
    // Failed, Lookup failed, No session data (created over six hours ago), Linked.
    expect(shownTokens()).toEqual([BUSY, INVALID, ACTIVE, EXPIRED]);

    await user.click(within(verdictHeader).getByRole('button'));
    expect(verdictHeader).toHaveAttribute('aria-sort', 'descending');
    expect(shownTokens()).toEqual([EXPIRED, ACTIVE, INVALID, BUSY]);

    // Cards have no headers: the same sort from a menu.
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Sessions ▼');
    expect(shownTokens()[0]).toBe(BUSY);
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Order pasted');
    expect(shownTokens()).toEqual([ACTIVE, INVALID, EXPIRED, BUSY]);
  });
});
