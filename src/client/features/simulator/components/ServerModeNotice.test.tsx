import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../../test/msw-server';
import {
  answer,
  configHandler,
  FIXTURE_TOKENS,
  fixtureTokensHandler,
  SANDBOX_TOKEN,
} from '../../../test/answers';
import { renderApp } from '../../../test/render-app';

beforeEach(() => window.localStorage.clear());

describe('server mode', () => {
  it('says clearly that answers are simulated in simulator mode', async () => {
    server.use(configHandler(), fixtureTokensHandler());
    renderApp();
    expect(await screen.findByText(/answers are simulated, not from Plaid/)).toBeVisible();
    expect(screen.queryByText('Connected to Plaid')).not.toBeInTheDocument();
  });

  it('shows a quiet badge and the environments with server credentials in real mode', async () => {
    server.use(
      configHandler({
        mode: 'plaid',
        serverCredentials: ['sandbox', 'production'],
        allowRequestCredentials: true,
        rateLimitPerMinute: 120,
        publicUrl: null,
      }),
    );
    renderApp();
    expect(await screen.findByText('Connected to Plaid')).toBeVisible();
    expect(screen.getByText('Server credentials for Sandbox and Production')).toBeVisible();
    expect(screen.queryByText(/Simulator mode/)).not.toBeInTheDocument();
    // Fixture tokens exist only in simulator mode.
    expect(screen.queryByRole('heading', { name: 'Simulator fixture tokens' })).not.toBeInTheDocument();
  });

  it('says when the configuration cannot be read', async () => {
    server.use(http.get('/api/config', () => new HttpResponse('oops', { status: 500 })));
    renderApp();
    expect(await screen.findByText(/Could not read the server's configuration/)).toBeVisible();
  });
});

describe('fixture token picker', () => {
  it('lists the fixture tokens with their descriptions; picking one looks it up', async () => {
    const sent: unknown[] = [];
    server.use(
      configHandler(),
      fixtureTokensHandler(),
      http.post('/api/link/token/get', async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json(answer());
      }),
    );
    const { user } = renderApp();
    const picker = within(
      (await screen.findByRole('heading', { name: 'Simulator fixture tokens' })).closest('section')!,
    );
    for (const token of FIXTURE_TOKENS) {
      expect(await picker.findByText(token.description)).toBeVisible();
    }

    await user.click(picker.getByRole('button', { name: /success/ }));
    expect(screen.getByRole('form', { name: 'Look up a link token' })).toHaveFormValues({
      link_token: SANDBOX_TOKEN,
    });
    expect(await screen.findByRole('heading', { name: 'Link token details' })).toBeVisible();
    await waitFor(() => expect(sent).toEqual([{ link_token: SANDBOX_TOKEN }]));
  });
});
