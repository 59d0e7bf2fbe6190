import { screen, waitFor } from '@testing-library/react';
import { delay, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../test/msw-server';
import { answer, configHandler, fixtureTokensHandler, SANDBOX_TOKEN } from '../../test/answers';
import { lookupHandler, tokenField } from '../../test/lookup-page';
import { renderApp } from '../../test/render-app';

// A failure that may pass by itself (rate limit, Plaid's 5xx, a timeout, the network) offers
// Retry, after the wait the server asked for; a lookup in flight can be cancelled.

function plaidError(error_type: string, error_code: string, status: number, headers: HeadersInit = {}) {
  return HttpResponse.json(
    {
      error_type,
      error_code,
      error_message: `${error_code} happened`,
      display_message: null,
      request_id: 'r1',
    },
    { status, headers },
  );
}

// The first lookup fails with `failure`, every later one succeeds.
function failingOnce(failure: () => Response) {
  return lookupHandler((_body, index) => (index === 0 ? failure() : HttpResponse.json(answer())));
}

async function lookUp() {
  const rendered = renderApp();
  await rendered.user.click(tokenField());
  await rendered.user.paste(SANDBOX_TOKEN);
  await rendered.user.click(screen.getByRole('button', { name: 'Look up' }));
  return rendered;
}

beforeEach(() => {
  server.use(configHandler(), fixtureTokensHandler());
  window.localStorage.clear();
});

describe('Retry', () => {
  it.each([
    ['Plaid’s internal error', () => plaidError('API_ERROR', 'INTERNAL_SERVER_ERROR', 500)],
    ['Plaid’s maintenance', () => plaidError('API_ERROR', 'PLANNED_MAINTENANCE', 503)],
    ['Plaid’s timeout', () => plaidError('PROXY_ERROR', 'UPSTREAM_TIMEOUT', 504)],
    ['a lost connection', () => HttpResponse.error()],
  ])('after %s looks the token up again and shows the answer', async (_name, failure) => {
    const { sent, handler } = failingOnce(failure);
    server.use(handler);
    const { user } = await lookUp();
    const retry = await screen.findByRole('button', { name: 'Retry' });
    expect(sent).toHaveLength(1);

    await user.click(retry);
    expect(await screen.findByRole('heading', { name: 'Link token details' })).toBeVisible();
    expect(sent).toEqual([{ link_token: SANDBOX_TOKEN }, { link_token: SANDBOX_TOKEN }]);
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it.each([
    ['an unknown token', () => plaidError('INVALID_INPUT', 'INVALID_LINK_TOKEN', 400)],
    ['wrong credentials', () => plaidError('INVALID_INPUT', 'INVALID_API_KEYS', 400)],
    ['missing credentials', () => plaidError('PROXY_ERROR', 'MISSING_CREDENTIALS', 400)],
  ])('is not offered after %s: something must change first', async (_name, failure) => {
    server.use(failingOnce(failure).handler);
    await lookUp();
    await screen.findByText(/^Verdict: Lookup failed \(/);
    expect(screen.queryByRole('button', { name: /^Retry/ })).not.toBeInTheDocument();
  });

  it('after a rate limit says when it becomes useful, and pressed early waits that long', async () => {
    const sentAt: number[] = [];
    const { handler } = lookupHandler((_body, index) => {
      sentAt.push(Date.now());
      return index === 0
        ? plaidError('PROXY_ERROR', 'RATE_LIMITED', 429, { 'Retry-After': '2' })
        : HttpResponse.json(answer());
    });
    server.use(handler);
    const { user } = await lookUp();
    const retry = await screen.findByRole('button', { name: /^Retry in [12] s$/ });

    await user.click(retry);
    expect(await screen.findByText(/^Retrying in [12] s, as the server asked…$/)).toBeVisible();
    expect(await screen.findByRole('heading', { name: 'Link token details' })).toBeVisible();
    expect(sentAt).toHaveLength(2);
    expect(sentAt[1]! - sentAt[0]!).toBeGreaterThanOrEqual(1_500);
  });

  it('after Plaid’s own rate limit is offered too', async () => {
    server.use(failingOnce(() => plaidError('RATE_LIMIT_EXCEEDED', 'RATE_LIMIT', 429)).handler);
    await lookUp();
    expect(await screen.findByRole('button', { name: 'Retry' })).toBeVisible();
  });

  it('is not offered for an answer that no longer matches the field', async () => {
    server.use(failingOnce(() => plaidError('API_ERROR', 'INTERNAL_SERVER_ERROR', 500)).handler);
    const { user } = await lookUp();
    await screen.findByRole('button', { name: 'Retry' });
    await user.type(tokenField(), 'x');
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });
});

describe('Cancel', () => {
  it('stops a lookup in flight: the request is aborted and the form is ready again', async () => {
    const signals: AbortSignal[] = [];
    const { handler } = lookupHandler(async (_body, _index, request) => {
      signals.push(request.signal);
      await delay('infinite');
      return HttpResponse.json(answer());
    });
    server.use(handler);
    const { user } = await lookUp();
    await screen.findByRole('button', { name: 'Looking up…' });

    await user.click(screen.getByRole('button', { name: 'Cancel lookup' }));
    expect(await screen.findByText(/Lookup cancelled: no answer is shown for/)).toBeVisible();
    expect(screen.getByText('Lookup cancelled.', { selector: '[role="status"]' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Look up' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Cancel lookup' })).not.toBeInTheDocument();
    expect(tokenField()).toHaveFocus();
    await waitFor(() => expect(signals[0]!.aborted).toBe(true));
  });

  it('stops a Retry waiting out a rate limit before it asks', async () => {
    const { sent, handler } = lookupHandler(() =>
      plaidError('PROXY_ERROR', 'RATE_LIMITED', 429, { 'Retry-After': '30' }),
    );
    server.use(handler);
    const { user } = await lookUp();
    await user.click(await screen.findByRole('button', { name: /^Retry in \d+ s$/ }));
    await screen.findByText(/as the server asked/);
    await user.click(screen.getByRole('button', { name: 'Cancel lookup' }));
    await screen.findByText(/Lookup cancelled: no answer is shown/);
    expect(sent).toHaveLength(1);
  });

  it('lets the next lookup run normally', async () => {
    const { handler } = lookupHandler(async (_body, index) => {
      if (index === 0) await delay('infinite');
      return HttpResponse.json(answer());
    });
    server.use(handler);
    const { user } = await lookUp();
    await user.click(await screen.findByRole('button', { name: 'Cancel lookup' }));
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    expect(await screen.findByRole('heading', { name: 'Link token details' })).toBeVisible();
    expect(screen.queryByText(/Lookup cancelled/)).not.toBeInTheDocument();
  });
});
