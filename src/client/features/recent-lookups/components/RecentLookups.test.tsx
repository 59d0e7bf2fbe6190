import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../../test/msw-server';
import {
  answer,
  configHandler,
  fixtureTokensHandler,
  PRODUCTION_TOKEN,
  SANDBOX_TOKEN,
  SIMULATOR_INFO,
} from '../../../test/answers';
import { renderApp } from '../../../test/render-app';
import { RECENT_LOOKUPS_KEY } from '../lib/recent-lookups-store';

function lookupForm() {
  return within(screen.getByRole('form', { name: 'Look up a link token' }));
}

function recentList() {
  return within(screen.getByRole('heading', { name: 'Recent lookups' }).closest('section')!);
}

const sent: { link_token: string }[] = [];

beforeEach(() => {
  window.localStorage.clear();
  sent.length = 0;
  server.use(
    // Credentials for both environments: the production token is sent (and refused by Plaid).
    configHandler({ ...SIMULATOR_INFO, mode: 'plaid', serverCredentials: ['sandbox', 'production'] }),
    fixtureTokensHandler(),
    http.post('/api/link/token/get', async ({ request }) => {
      const body = (await request.json()) as { link_token: string };
      sent.push(body);
      if (body.link_token === PRODUCTION_TOKEN) {
        return HttpResponse.json(
          {
            error_type: 'INVALID_INPUT',
            error_code: 'INVALID_LINK_TOKEN',
            error_message: 'bad',
            display_message: null,
          },
          { status: 400 },
        );
      }
      return HttpResponse.json(answer());
    }),
  );
});

describe('recent lookups', () => {
  it('remember token, verdict and time, never the credentials', async () => {
    const { user } = renderApp();
    await user.click(lookupForm().getByLabelText('Link token'));
    await user.paste(SANDBOX_TOKEN);
    await user.click(await screen.findByRole('button', { name: /Credentials/ }));
    await user.type(lookupForm().getByLabelText('Client ID'), 'client-abc');
    await user.type(lookupForm().getByLabelText('Secret'), 'secret-xyz');
    await user.click(screen.getByRole('button', { name: 'Look up' }));

    expect(await recentList().findByText(SANDBOX_TOKEN)).toBeVisible();
    // The verdict word of the answer's Verdict block, and the institution it is about.
    expect(recentList().getByText('Linked', { exact: true })).toBeVisible();
    expect(recentList().getByText('Bank of America', { exact: true })).toBeVisible();

    const stored = window.localStorage.getItem(RECENT_LOOKUPS_KEY) ?? '';
    expect(JSON.parse(stored)).toEqual([
      {
        linkToken: SANDBOX_TOKEN,
        verdict: 'linked',
        tone: 'success',
        detail: 'Bank of America',
        lookedUpAt: expect.any(String),
      },
    ]);
    // Nothing anywhere in the browser's storage holds the credentials.
    const everything =
      JSON.stringify({ ...window.localStorage }) + JSON.stringify({ ...window.sessionStorage });
    expect(everything).not.toMatch(/client-abc|secret-xyz/);
  });

  it('record failures as a failed lookup with the error code, newest first, and survive a reload', async () => {
    const { user, unmount } = renderApp();
    const field = lookupForm().getByLabelText('Link token');
    await user.click(field);
    await user.paste(SANDBOX_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    await recentList().findByText(SANDBOX_TOKEN);
    await user.clear(field);
    await user.click(field);
    await user.paste(PRODUCTION_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    await recentList().findByText('INVALID_LINK_TOKEN');
    // The verdict word and tone the error panel uses.
    expect(recentList().getByText('Lookup failed', { exact: true })).toBeVisible();
    unmount();

    renderApp();
    const items = recentList().getAllByRole('button', { name: /^Re-run / });
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining(PRODUCTION_TOKEN),
      expect.stringContaining(SANDBOX_TOKEN),
    ]);
    expect(items[0]).toHaveAccessibleName(
      `Re-run ${PRODUCTION_TOKEN} (last: Lookup failed, INVALID_LINK_TOKEN)`,
    );
    expect(items[1]).toHaveAccessibleName(`Re-run ${SANDBOX_TOKEN} (last: Linked, Bank of America)`);
  });

  it('run a lookup again in one click, and can be cleared', async () => {
    const { user } = renderApp();
    await user.click(lookupForm().getByLabelText('Link token'));
    await user.paste(SANDBOX_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    await recentList().findByText(SANDBOX_TOKEN);
    await user.clear(lookupForm().getByLabelText('Link token'));

    await user.click(recentList().getByRole('button', { name: new RegExp(`Re-run ${SANDBOX_TOKEN}`) }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(lookupForm().getByLabelText('Link token')).toHaveValue(SANDBOX_TOKEN);

    await user.click(recentList().getByRole('button', { name: 'Clear' }));
    expect(recentList().queryByText(SANDBOX_TOKEN)).not.toBeInTheDocument();
    expect(window.localStorage.getItem(RECENT_LOOKUPS_KEY)).toBeNull();
  });
});
