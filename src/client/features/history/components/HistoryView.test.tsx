import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_HISTORY, historyPage, historyRow } from '../../../test/history-pages';
import { server } from '../../../test/msw-server';
import { catchDownloads } from '../../../test/downloads';
import { HistoryView } from './HistoryView';

function renderHistory(address = '/?view=history') {
  window.history.replaceState(null, '', address);
  const user = userEvent.setup();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <HistoryView shown />
    </QueryClientProvider>,
  );
  return user;
}

// The query strings History asked the API with, in order.
function answerHistory(answer: (url: URL) => Response | Promise<Response>) {
  const asked: URLSearchParams[] = [];
  server.use(
    http.get('/api/history', ({ request }) => {
      const url = new URL(request.url);
      asked.push(url.searchParams);
      return answer(url);
    }),
  );
  return asked;
}

function proxyError(status: number, code: string, message: string) {
  return HttpResponse.json(
    {
      error_type: 'PROXY_ERROR',
      error_code: code,
      error_message: message,
      display_message: null,
      request_id: 'req-history-1',
    },
    { status },
  );
}

function tableRows(): HTMLElement[] {
  return within(screen.getByRole('table')).getAllByRole('row').slice(1);
}

afterEach(() => vi.restoreAllMocks());

describe('History shows the outcome first, then the kept tokens', () => {
  it('counts by verdict, ranks the banks by failures, and lists each token opening its kept answer', async () => {
    answerHistory(() => HttpResponse.json(historyPage()));
    renderHistory();

    expect(await screen.findByText(/2 tokens/)).toBeInTheDocument();
    const verdicts = screen.getByRole('group', { name: 'Verdict' });
    expect(within(verdicts).getByRole('button', { name: 'Failed 1' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(within(verdicts).getByRole('button', { name: 'Linked 1' })).toBeInTheDocument();
    const banks = screen.getByRole('region', { name: 'Banks with most failures' });
    expect(banks).toHaveTextContent('First Platypus Bank1 failed of 1INVALID_CREDENTIALS 1');
    // Sandbox tokens: Plaid reports no health, and the page says so instead of asking.
    expect(banks).toHaveTextContent('Plaid reports no institution health outside Production');

    const [failed, linked] = tableRows();
    expect(failed).toHaveTextContent('Failed');
    expect(failed).toHaveTextContent('INVALID_CREDENTIALS');
    expect(failed).toHaveTextContent('Bank credentials');
    expect(failed).toHaveTextContent(/ago/);
    expect(linked).toHaveTextContent('Webhook +1');
    expect(within(linked!).getByRole('link', { name: /link-sandbox-00000002/ })).toHaveAttribute(
      'href',
      historyRow(2).permalink,
    );
  });

  it('loads the next page by its keyset cursor, and stops at the last', async () => {
    const asked = answerHistory((url) =>
      HttpResponse.json(
        url.searchParams.get('after') === 'cursor-1'
          ? historyPage({ rows: [historyRow(3)], next: null, total: 3 })
          : historyPage({ next: 'cursor-1', total: 3 }),
      ),
    );
    const user = renderHistory();

    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    await vi.waitFor(() => expect(tableRows()).toHaveLength(3));
    expect(asked[1]!.get('after')).toBe('cursor-1');
    expect(screen.getByText('Showing 3 of 3')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('says some verdicts are being brought up to date', async () => {
    answerHistory(() => HttpResponse.json(historyPage({ outdated_verdicts: 12 })));
    renderHistory();
    expect(
      await screen.findByText('12 verdicts are being brought up to date with the current rules.'),
    ).toBeInTheDocument();
  });

  it('says what History holds and how it fills when the store is empty', async () => {
    answerHistory(() => HttpResponse.json(EMPTY_HISTORY));
    renderHistory();
    const empty = await screen.findByRole('region', { name: 'Nothing kept yet' });
    expect(empty).toHaveTextContent(/Lookups.*Recordings.*Webhooks/);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

describe("History's filters live in the address bar", () => {
  it('asks with the address’s filter, and each count chosen narrows it; Back returns to the one before', async () => {
    const asked = answerHistory(() => HttpResponse.json(historyPage()));
    const user = renderHistory('/?view=history&verdict=failed');

    const failed = await screen.findByRole('button', { name: 'Failed 1' });
    expect(failed).toHaveAttribute('aria-pressed', 'true');
    expect(asked[0]!.getAll('verdict')).toEqual(['failed']);
    expect(screen.getByText('Filtered by verdict Failed')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'INVALID_CREDENTIALS 1' }));
    expect(window.location.search).toBe('?view=history&verdict=failed&error_code=INVALID_CREDENTIALS');
    await vi.waitFor(() => expect(asked.at(-1)!.get('error_code')).toBe('INVALID_CREDENTIALS'));

    window.history.back();
    await vi.waitFor(() =>
      expect(screen.getByRole('button', { name: 'INVALID_CREDENTIALS 1' })).toHaveAttribute(
        'aria-pressed',
        'false',
      ),
    );
    expect(window.location.search).toBe('?view=history&verdict=failed');
  });

  it('searches by token, session, request, source and dates, and clears them all', async () => {
    const asked = answerHistory(() => HttpResponse.json(historyPage()));
    const user = renderHistory();
    await screen.findByText(/2 tokens/);

    await user.type(screen.getByLabelText('Link token'), ' link-sandbox-00000001 ');
    await user.type(screen.getByLabelText('Plaid request_id'), 'req-9');
    await user.type(screen.getByLabelText('Last seen from (UTC)'), '2026-12-01');
    await user.click(screen.getByRole('button', { name: 'Search History' }));
    expect(window.location.search).toBe(
      '?view=history&link_token=link-sandbox-00000001&request_id=req-9&from=2026-12-01',
    );
    await user.click(screen.getByRole('checkbox', { name: 'Webhook' }));
    expect(window.location.search).toContain('&source=webhook');
    await vi.waitFor(() =>
      expect(asked.at(-1)!.toString()).toBe(
        'link_token=link-sandbox-00000001&request_id=req-9&from=2026-12-01&source=webhook',
      ),
    );

    await user.click(screen.getByRole('button', { name: 'Clear all filters' }));
    expect(window.location.search).toBe('?view=history');
    expect(screen.getByLabelText('Link token')).toHaveValue('');
  });
});

describe('History when it cannot list', () => {
  it.each([
    [
      503,
      'STORE_UNAVAILABLE',
      'This server keeps no answers, so it has no History.',
      'This inspector keeps no answers, so History has nothing to list',
      false,
    ],
    [
      503,
      'STORE_UNAVAILABLE',
      'The store of kept answers cannot be reached right now.',
      'The store of kept answers cannot be reached right now',
      true,
    ],
    [401, 'UNAUTHORIZED', 'Sign in first.', 'You are not signed in to the inspector', false],
  ])(
    'HTTP %i %s: says so in words, with the server’s message',
    async (status, code, message, title, retry) => {
      answerHistory(() => proxyError(status, code, message));
      renderHistory();
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(title);
      expect(alert).toHaveTextContent(
        `The server said: ${message} (${code}, HTTP ${status}, request ID req-history-1)`,
      );
      expect(!!screen.queryByRole('button', { name: 'Try again' })).toBe(retry);
    },
  );

  it('says the server cannot be reached, and tries again', async () => {
    let fail = true;
    answerHistory(() => (fail ? HttpResponse.error() : HttpResponse.json(historyPage())));
    const user = renderHistory();
    expect(await screen.findByRole('alert')).toHaveTextContent('The inspector’s server cannot be reached');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/2 tokens/)).toBeInTheDocument();
  });

  it('keeps the rows shown when the next page fails, and says why', async () => {
    answerHistory((url) =>
      url.searchParams.has('after')
        ? proxyError(503, 'STORE_UNAVAILABLE', 'The store of kept answers cannot be reached right now.')
        : HttpResponse.json(historyPage({ next: 'cursor-1', total: 3 })),
    );
    const user = renderHistory();
    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load more: the store of kept answers cannot be reached right now.',
    );
    expect(tableRows()).toHaveLength(2);
  });
});

describe('Exports and the ticket', () => {
  it('downloads the filtered list as the server writes it, and says when that fails', async () => {
    answerHistory(() => HttpResponse.json(historyPage()));
    const exported: URLSearchParams[] = [];
    let exportFails = false;
    server.use(
      http.get('/api/history/export', ({ request }) => {
        exported.push(new URL(request.url).searchParams);
        if (exportFails)
          return proxyError(
            503,
            'STORE_UNAVAILABLE',
            'The store of kept answers cannot be reached right now.',
          );
        return new HttpResponse('link_token,verdict\nlink-sandbox-1,failed\n', {
          headers: { 'Content-Type': 'text/csv; charset=utf-8' },
        });
      }),
    );
    const blobs = catchDownloads();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const user = renderHistory('/?view=history&verdict=failed');

    await user.click(await screen.findByRole('button', { name: 'Export CSV (2 rows)' }));
    await vi.waitFor(() => expect(blobs).toHaveLength(1));
    expect(exported[0]!.toString()).toBe('verdict=failed&format=csv');
    expect(await blobs[0]!.text()).toBe('link_token,verdict\nlink-sandbox-1,failed\n');

    exportFails = true;
    await user.click(screen.getByRole('button', { name: 'Export JSON (2 rows)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The export failed: The store of kept answers cannot be reached right now.',
    );
  });

  it('copies a summary naming the filter, and the link that reopens this view', async () => {
    answerHistory(() => HttpResponse.json(historyPage()));
    const user = renderHistory('/?view=history&verdict=failed&error_code=INVALID_CREDENTIALS');

    await user.click(await screen.findByRole('button', { name: /^Copy summary for a ticket/ }));
    await screen.findByText('Copied to the clipboard');
    const ticket = await navigator.clipboard.readText();
    expect(ticket).toContain('Link token history: 2 tokens');
    expect(ticket).toContain('verdict Failed; error code INVALID\\_CREDENTIALS');
    expect(ticket).toContain('First Platypus Bank');
    expect(ticket).toContain(
      `${window.location.origin}/?view=history&verdict=failed&error_code=INVALID_CREDENTIALS`,
    );

    await user.click(screen.getByRole('button', { name: 'Copy link to this view, with its filters' }));
    expect(await navigator.clipboard.readText()).toBe(
      `${window.location.origin}/?view=history&verdict=failed&error_code=INVALID_CREDENTIALS`,
    );
  });
});
