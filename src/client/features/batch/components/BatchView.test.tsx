import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatInZone } from '../../../../shared/domain/format-time';
import { server } from '../../../test/msw-server';
import { BatchView } from '../index';
import { linkTokenBody, plaidErrorBody, requestedToken, tokenNumber } from '../../../test/batch-answers';

const ACTIVE = tokenNumber(1);
const EXPIRED = tokenNumber(2);
const INVALID = tokenNumber(3);
const BUSY = tokenNumber(4);

const busySession = {
  link_session_id: 'session-1',
  started_at: '2026-11-25T05:00:00Z',
  finished_at: '2026-11-25T05:02:00Z',
  on_success: { public_token: 'public-sandbox-x', metadata: null },
  events: [
    { event_id: 'e1', event_name: 'OPEN', timestamp: '2026-11-25T05:00:00Z', event_metadata: {} },
    { event_id: 'e2', event_name: 'HANDOFF', timestamp: '2026-11-25T05:02:00Z', event_metadata: {} },
  ],
};

// The server as msw plays it: one answer per fixture token, every request recorded.
let requests: Record<string, unknown>[];
function answersByToken() {
  return http.post('/api/link/token/get', async ({ request }) => {
    const body = (await request.clone().json()) as Record<string, unknown>;
    requests.push(body);
    const token = await requestedToken(request);
    if (token === INVALID) return HttpResponse.json(plaidErrorBody('INVALID_LINK_TOKEN'), { status: 400 });
    if (token === EXPIRED)
      return HttpResponse.json(linkTokenBody(token, { expiration: '2026-01-01T00:00:00Z' }));
    if (token === BUSY)
      return HttpResponse.json(
        linkTokenBody(token, { sessions: [busySession, { ...busySession, link_session_id: 'session-2' }] }),
      );
    return HttpResponse.json(linkTokenBody(token));
  });
}

const configHandler = http.get('/api/config', () =>
  HttpResponse.json({ mode: 'simulator', serverCredentials: [], allowRequestCredentials: true }),
);

beforeEach(() => {
  requests = [];
  server.use(configHandler, answersByToken());
});

function renderBatch() {
  const user = userEvent.setup();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <BatchView />
    </QueryClientProvider>,
  );
  return user;
}

const LOG = [
  `06:00:01 INFO created link_token=${ACTIVE}`,
  'this line has nothing',
  `06:00:02 WARN lookup failed ${INVALID}, retrying ${INVALID}`,
  `{"token": "${EXPIRED}"}, "${BUSY}"`,
].join('\n');

async function pasteAndRun(user: ReturnType<typeof userEvent.setup>, text = LOG) {
  await user.click(screen.getByLabelText(/Tokens, or any text/));
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: /^Look up \d+ tokens?$/ }));
}

function bodyRows() {
  return within(screen.getByRole('table')).getAllByRole('row').slice(1);
}

function firstCells() {
  return bodyRows().map((row) => within(row).getAllByRole('cell')[0]!.querySelector('button')!.title);
}

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
    const credentials = await screen.findByRole('group', { name: 'Credentials (optional)' });
    expect(credentials).toHaveTextContent('Used for every token in this batch; never stored.');
    await user.type(within(credentials).getByLabelText('Client ID'), 'my-client');
    await user.click(screen.getByRole('button', { name: 'Look up 1 token' }));

    expect(await screen.findByText('Enter the secret too, or clear the client ID.')).toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  it('looks every token up once, shows progress and one row per token', async () => {
    const user = renderBatch();
    await pasteAndRun(user);

    expect(await screen.findByText('Done: 4 of 4 looked up, 1 error.')).toBeInTheDocument();
    expect(screen.getByText('4 / 4 done · 1 error · 0 rate-limit waits')).toBeInTheDocument();
    expect(requests.map((body) => body.link_token).sort()).toEqual([ACTIVE, EXPIRED, INVALID, BUSY].sort());

    const busyRow = bodyRows().find((row) => row.textContent?.includes('00000004'))!;
    expect(
      within(busyRow)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      'link-sandbox-00000004…0000 Copy',
      'sandbox',
      'Active',
      // Times in the zone the user chose (local unless they switched to UTC), as everywhere.
      formatInZone(new Date('2099-01-01T00:00:00Z'), 'local'),
      '2',
      'Succeeded',
      `HANDOFF ${formatInZone(new Date('2026-11-25T05:02:00Z'), 'local')}`,
      '',
    ]);
    const invalidRow = bodyRows().find((row) => row.textContent?.includes('00000003'))!;
    expect(invalidRow).toHaveTextContent('Error');
    expect(invalidRow).toHaveTextContent('INVALID_LINK_TOKEN');
    const expiredRow = bodyRows().find((row) => row.textContent?.includes('00000002'))!;
    expect(expiredRow).toHaveTextContent('Expired');
  });

  it('sends the shared credentials with every lookup', async () => {
    const user = renderBatch();
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

    await screen.findByText('Done: 1 of 1 looked up, 1 error.');
    expect(bodyRows()[0]).toHaveTextContent('ENVIRONMENT_RETIRED');
    expect(requests).toEqual([]);
  });

  it('pauses after a 429 for Retry-After and then finishes', async () => {
    let limited = false;
    server.use(
      http.post('/api/link/token/get', async ({ request }) => {
        const token = await requestedToken(request);
        if (!limited) {
          limited = true;
          return HttpResponse.json(plaidErrorBody('RATE_LIMITED', 'PROXY_ERROR'), {
            status: 429,
            headers: { 'Retry-After': '1' },
          });
        }
        return HttpResponse.json(linkTokenBody(token));
      }),
    );
    const user = renderBatch();
    await pasteAndRun(user, `${ACTIVE}\n${EXPIRED}`);

    expect(
      await screen.findByText('Rate limited by the server: pausing all lookups for 1 second.'),
    ).toBeInTheDocument();
    expect(await screen.findByText('Done: 2 of 2 looked up.', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByText('2 / 2 done · 0 errors · 1 rate-limit wait')).toBeInTheDocument();
  });

  it('cancels in-flight and queued lookups', async () => {
    server.use(
      http.post('/api/link/token/get', async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const user = renderBatch();
    await pasteAndRun(user, Array.from({ length: 6 }, (_, n) => tokenNumber(n)).join('\n'));

    await user.click(await screen.findByRole('button', { name: 'Cancel batch' }));

    expect(await screen.findByText('Cancelled after 0 of 6 lookups.')).toBeInTheDocument();
    expect(bodyRows().map((row) => within(row).getAllByRole('cell')[2]!.textContent)).toEqual(
      Array(6).fill('Cancelled'),
    );
    expect(screen.queryByRole('button', { name: 'Cancel batch' })).not.toBeInTheDocument();
  });

  it('sorts by a column header and filters by text and status', async () => {
    const user = renderBatch();
    await pasteAndRun(user);
    await screen.findByText(/^Done:/);
    expect(firstCells()).toEqual([ACTIVE, INVALID, EXPIRED, BUSY]);

    const sessionsHeader = screen.getByRole('columnheader', { name: /Sessions/ });
    await user.click(within(sessionsHeader).getByRole('button'));
    expect(sessionsHeader).toHaveAttribute('aria-sort', 'ascending');
    // 0, 0, 2, then the error row without a count.
    expect(firstCells()).toEqual([ACTIVE, EXPIRED, BUSY, INVALID]);

    await user.click(within(sessionsHeader).getByRole('button'));
    expect(sessionsHeader).toHaveAttribute('aria-sort', 'descending');
    expect(firstCells()).toEqual([BUSY, ACTIVE, EXPIRED, INVALID]);

    await user.selectOptions(screen.getByLabelText('Status'), 'Active');
    expect(firstCells()).toEqual([BUSY, ACTIVE]);
    await user.type(screen.getByLabelText('Filter rows'), 'handoff');
    expect(firstCells()).toEqual([BUSY]);
    expect(screen.getByText('Showing 1 of 4')).toBeInTheDocument();
  });

  it('opens the full status panel or error panel for a row', async () => {
    const user = renderBatch();
    await pasteAndRun(user);
    await screen.findByText(/^Done:/);

    await user.click(screen.getByRole('button', { name: `Show details for ${BUSY}` }));
    const details = screen.getByRole('region', { name: `Details for ${BUSY}` });
    expect(details).toHaveTextContent('req-0000');

    await user.click(screen.getByRole('button', { name: `Show details for ${INVALID}` }));
    expect(screen.getByRole('region', { name: `Details for ${INVALID}` })).toHaveTextContent(
      'INVALID_LINK_TOKEN',
    );
    expect(requests).toHaveLength(4);

    await user.click(screen.getByRole('button', { name: 'Close details' }));
    expect(screen.queryByRole('region', { name: /Details for/ })).not.toBeInTheDocument();
  });

  it('copies the full token', async () => {
    const user = renderBatch();
    await pasteAndRun(user, ACTIVE);
    await screen.findByText(/^Done:/);

    await user.click(screen.getByRole('button', { name: `Copy ${ACTIVE}` }));

    expect(await navigator.clipboard.readText()).toBe(ACTIVE);
    expect(screen.getByText('Copied link-sandbox-00000001…0000 to the clipboard.')).toBeInTheDocument();
  });

  describe('export', () => {
    let blobs: Blob[];
    beforeEach(() => {
      blobs = [];
      // jsdom has no object URLs; the Blob handed to the browser is what the user downloads.
      URL.createObjectURL = vi.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:test';
      });
      URL.revokeObjectURL = vi.fn();
    });
    afterEach(() => {
      Reflect.deleteProperty(URL, 'createObjectURL');
      Reflect.deleteProperty(URL, 'revokeObjectURL');
    });

    it('exports the rows shown as CSV and JSON, without the credentials', async () => {
      const user = renderBatch();
      await user.type(await screen.findByLabelText('Client ID'), 'my-client');
      await user.type(screen.getByLabelText('Secret'), 'my-secret');
      await pasteAndRun(user);
      await screen.findByText(/^Done:/);
      await user.selectOptions(screen.getByLabelText('Status'), 'Error');

      await user.click(screen.getByRole('button', { name: 'Export CSV (1 row)' }));
      await user.click(screen.getByRole('button', { name: 'Export JSON (1 row)' }));

      const [csv = '', json = ''] = await Promise.all(blobs.map((blob) => blob.text()));
      expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
      expect(csv).toBe(
        'link_token,environment,status,expiration,sessions,last_session_outcome,last_event,last_event_at,error_code,error_message,request_id\r\n' +
          `${INVALID},sandbox,Error,,,,,,INVALID_LINK_TOKEN,INVALID_LINK_TOKEN happened,req-error\r\n`,
      );
      const exported = JSON.parse(json);
      expect(exported.tokens).toHaveLength(1);
      expect(exported.tokens[0]).toMatchObject({
        link_token: INVALID,
        error: { error_code: 'INVALID_LINK_TOKEN' },
      });
      expect(csv + json).not.toMatch(/my-secret|my-client/);
    });
  });
});
