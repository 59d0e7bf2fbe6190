import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../test/msw-server';
import { answer, configHandler, fixtureTokensHandler, SANDBOX_TOKEN } from '../test/answers';
import { lookupHandler, tokenField } from '../test/lookup-page';
import { historyPage } from '../test/history-pages';
import { renderApp } from '../test/render-app';

beforeEach(() => {
  window.localStorage.clear();
  server.use(configHandler(), fixtureTokensHandler());
});

describe('app shell', () => {
  it('has the title and Lookup / Batch tabs; switching keeps what was typed', async () => {
    const { user } = renderApp();
    expect(screen.getByRole('heading', { level: 1, name: 'Link Token Inspector' })).toBeVisible();
    const lookupTab = screen.getByRole('tab', { name: 'Lookup' });
    const batchTab = screen.getByRole('tab', { name: 'Batch' });
    expect(lookupTab).toHaveAttribute('aria-selected', 'true');

    const form = screen.getByRole('form', { name: 'Look up a link token' });
    await user.click(within(form).getByLabelText('Link token'));
    await user.paste(SANDBOX_TOKEN);

    await user.click(batchTab);
    expect(batchTab).toHaveAttribute('aria-selected', 'true');
    expect(form).not.toBeVisible();
    expect(await screen.findByRole('button', { name: 'Look up tokens' })).toBeVisible();

    // Arrow keys move between tabs (one tab stop for the whole tab list).
    await user.keyboard('{ArrowLeft}');
    expect(lookupTab).toHaveFocus();
    expect(form).toBeVisible();
    expect(within(form).getByLabelText('Link token')).toHaveValue(SANDBOX_TOKEN);
  });
});

describe('the view in the address bar', () => {
  function viewParam() {
    return new URL(window.location.href).searchParams.get('view');
  }

  it('opens on Batch when the address names it (a reload stays there)', async () => {
    window.history.replaceState(null, '', '/?view=batch');
    renderApp();
    expect(screen.getByRole('tab', { name: 'Batch' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('button', { name: 'Look up tokens' })).toBeVisible();
  });

  it('switching views is a history entry; Back returns to the lookup as it was, without asking again', async () => {
    const { sent, handler } = lookupHandler((body) =>
      HttpResponse.json(answer({ link_token: body.link_token })),
    );
    server.use(handler);
    const { user } = renderApp();
    await user.click(tokenField());
    await user.paste(SANDBOX_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    await screen.findByRole('heading', { name: 'Link token details' });
    const startLength = window.history.length;

    await user.click(screen.getByRole('tab', { name: 'Batch' }));
    expect(viewParam()).toBe('batch');
    expect(new URL(window.location.href).searchParams.get('link_token')).toBe(SANDBOX_TOKEN);
    expect(window.history.length).toBe(startLength + 1);

    window.history.back();
    await waitFor(() =>
      expect(screen.getByRole('tab', { name: 'Lookup' })).toHaveAttribute('aria-selected', 'true'),
    );
    expect(viewParam()).toBeNull();
    expect(screen.getByRole('heading', { name: 'Link token details' })).toBeVisible();
    expect(tokenField()).toHaveValue(SANDBOX_TOKEN);
    expect(sent).toHaveLength(1);

    window.history.forward();
    await waitFor(() =>
      expect(screen.getByRole('tab', { name: 'Batch' })).toHaveAttribute('aria-selected', 'true'),
    );
    expect(sent).toHaveLength(1);
  });
});

describe('History beside the lookup', () => {
  it("never looks up History's token filter, and each side keeps its own address", async () => {
    const { sent, handler } = lookupHandler((body) =>
      HttpResponse.json(answer({ link_token: body.link_token })),
    );
    const asked: string[] = [];
    server.use(
      handler,
      http.get('/api/history', ({ request }) => {
        asked.push(new URL(request.url).search);
        return HttpResponse.json(historyPage());
      }),
    );
    window.history.replaceState(null, '', `/?view=history&link_token=${SANDBOX_TOKEN}`);
    const { user } = renderApp();
    expect(await screen.findByRole('button', { name: 'Failed 1' })).toBeVisible();
    expect(asked).toEqual([`?link_token=${SANDBOX_TOKEN}`]);

    await user.click(screen.getByRole('tab', { name: 'Lookup' }));
    expect(window.location.search).toBe('');
    expect(tokenField()).toHaveValue('');
    await user.click(screen.getByRole('tab', { name: 'History' }));
    expect(window.location.search).toBe(`?view=history&link_token=${SANDBOX_TOKEN}`);
    window.history.back();
    await waitFor(() =>
      expect(screen.getByRole('tab', { name: 'Lookup' })).toHaveAttribute('aria-selected', 'true'),
    );
    expect(sent).toHaveLength(0);
  });
});
