import { screen, waitFor, within } from '@testing-library/react';
import { delay, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../test/msw-server';
import {
  answer,
  configHandler,
  fixtureTokensHandler,
  PRODUCTION_TOKEN,
  SANDBOX_TOKEN,
  SIMULATOR_INFO,
} from '../../test/answers';
import { lookupForm, lookupHandler, tokenField } from '../../test/lookup-page';
import { renderApp } from '../../test/render-app';

beforeEach(() => {
  server.use(configHandler(), fixtureTokensHandler());
  window.localStorage.clear();
});

describe('link token field', () => {
  it.each([
    ['not-a-token', 'This is not a link token.'],
    ['public-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', 'This is a public_token, not a link_token.'],
    ['access-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', 'This is an access_token, a long-lived secret'],
    ['link-development-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', 'Plaid retired the Development environment'],
  ])('says what is wrong with %s as you type, and sends nothing', async (input, message) => {
    const { sent, handler } = lookupHandler(() => HttpResponse.json(answer()));
    server.use(handler);
    const { user } = renderApp();

    await user.click(tokenField());
    await user.paste(input);
    expect(await screen.findByText(message, { exact: false })).toBeInTheDocument();
    expect(tokenField()).toHaveAttribute('aria-invalid', 'true');

    await user.click(screen.getByRole('button', { name: 'Look up' }));
    expect(sent).toHaveLength(0);
  });

  it('checks the format while the user is still typing', async () => {
    const { user } = renderApp();
    await user.type(tokenField(), 'link-sandbox-');
    expect(screen.getByText(/This is not a link token/)).toBeVisible();
  });

  it('asks for a token when the field is empty', async () => {
    const { user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    expect(await screen.findByText('Paste a link token.')).toBeInTheDocument();
  });

  it('shows the environment named in the token as a badge', async () => {
    const { user } = renderApp();
    await user.click(tokenField());
    await user.paste(SANDBOX_TOKEN);
    const form = screen.getByRole('form', { name: 'Look up a link token' });
    expect(within(form).getByText('Sandbox', { exact: true })).toBeVisible();

    await user.clear(tokenField());
    await user.click(tokenField());
    await user.paste(PRODUCTION_TOKEN);
    expect(within(form).getByText('Production', { exact: true })).toBeVisible();
    expect(within(form).queryByText('Sandbox', { exact: true })).not.toBeInTheDocument();
  });

  it('sends the token trimmed', async () => {
    const { sent, handler } = lookupHandler(() => HttpResponse.json(answer()));
    server.use(handler);
    const { user } = renderApp();
    await user.click(tokenField());
    await user.paste(`  ${SANDBOX_TOKEN}  `);
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    await waitFor(() => expect(sent).toEqual([{ link_token: SANDBOX_TOKEN }]));
  });
});

describe('credentials', () => {
  it('are collapsed, masked with a show/hide toggle, and sent only as a pair', async () => {
    const { sent, handler } = lookupHandler(() => HttpResponse.json(answer()));
    server.use(handler);
    const { user } = renderApp();
    const disclosure = await screen.findByRole('button', { name: 'Credentials (optional)' });
    expect(disclosure).toHaveAttribute('aria-expanded', 'false');
    expect(lookupForm().getByLabelText('Client ID')).not.toBeVisible();

    await user.click(disclosure);
    const secret = lookupForm().getByLabelText('Secret');
    expect(secret).toHaveAttribute('type', 'password');
    expect(secret).toHaveAttribute('autocomplete', 'off');
    await user.click(screen.getByRole('button', { name: 'Show secret' }));
    expect(secret).toHaveAttribute('type', 'text');
    await user.click(screen.getByRole('button', { name: 'Hide secret' }));
    expect(secret).toHaveAttribute('type', 'password');

    await user.click(tokenField());
    await user.paste(SANDBOX_TOKEN);
    await user.type(lookupForm().getByLabelText('Client ID'), 'my-client');
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    expect(await screen.findByText('Enter the secret too, or clear the client ID.')).toBeInTheDocument();
    expect(sent).toHaveLength(0);

    await user.type(secret, 'my-secret');
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    await waitFor(() =>
      expect(sent).toEqual([{ link_token: SANDBOX_TOKEN, client_id: 'my-client', secret: 'my-secret' }]),
    );
  });

  it('open by themselves when a credentials error would be hidden', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: /Credentials/ }));
    await user.type(lookupForm().getByLabelText('Secret'), 'only-a-secret');
    await user.click(screen.getByRole('button', { name: /Credentials/ }));
    await user.click(tokenField());
    await user.paste(SANDBOX_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    expect(await screen.findByText('Enter the client ID too, or clear the secret.')).toBeVisible();
  });

  it('are not offered when the server does not accept them', async () => {
    server.use(configHandler({ ...SIMULATOR_INFO, allowRequestCredentials: false }));
    renderApp();
    await screen.findByText(/Simulator mode/);
    expect(screen.queryByRole('button', { name: /Credentials/ })).not.toBeInTheDocument();
  });

  it('start open in real Plaid mode when the server has none of its own', async () => {
    server.use(configHandler({ ...SIMULATOR_INFO, mode: 'plaid', serverCredentials: [] }));
    renderApp();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Credentials (needed)' })).toHaveAttribute(
        'aria-expanded',
        'true',
      ),
    );
    expect(screen.getByText(/The server has no Plaid credentials/)).toBeVisible();
  });
});

describe('looking up', () => {
  it('shows a loading state, then the answer, with focus on its heading', async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const { handler } = lookupHandler(async () => {
      await released;
      return HttpResponse.json(answer(), {
        headers: { 'Server-Timing': 'upstream;dur=12.5,total;dur=13.7;desc="Total Response Time"' },
      });
    });
    server.use(handler);
    const { user } = renderApp();

    await user.click(tokenField());
    await user.paste(SANDBOX_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    const busy = await screen.findByRole('button', { name: 'Looking up…' });
    expect(busy).toBeDisabled();
    expect(screen.getByText('Looking up…', { selector: '[role="status"]' })).toBeInTheDocument();

    release();
    const heading = await screen.findByRole('heading', { name: 'Link token details' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Look up' })).toBeEnabled();
    // Announced: the verdict, with the bank it is about.
    expect(screen.getByText(/^Verdict: Linked \(Bank of America\)\./)).toBeInTheDocument();
  });

  it('shows a Plaid error with its code, and moves focus to it', async () => {
    const { handler } = lookupHandler(() =>
      HttpResponse.json(
        {
          error_type: 'INVALID_INPUT',
          error_code: 'INVALID_LINK_TOKEN',
          error_message: 'link token is invalid',
          display_message: null,
          request_id: 'req-plaid-1',
        },
        { status: 400 },
      ),
    );
    server.use(handler);
    const { user } = renderApp();
    await user.click(tokenField());
    await user.paste(SANDBOX_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Look up' }));

    await screen.findByText('Verdict: Lookup failed (INVALID_LINK_TOKEN).');
    // Focus is on the error panel's heading, and that panel names the error.
    await waitFor(() => expect(document.activeElement?.tagName).toBe('H2'));
    const panel = within(document.activeElement!.closest('section')!);
    expect(panel.getAllByText(/INVALID_LINK_TOKEN/).length).toBeGreaterThan(0);
    expect(panel.getAllByText('link token is invalid').length).toBeGreaterThan(0);
    // With its verdict: who acts next.
    expect(panel.getByRole('region', { name: 'Verdict' })).toHaveTextContent(
      'Who acts nextThe person looking up the token',
    );
  });

  it("shows the proxy's own errors", async () => {
    const { handler } = lookupHandler(() =>
      HttpResponse.json(
        {
          error_type: 'PROXY_ERROR',
          error_code: 'UPSTREAM_TIMEOUT',
          error_message: 'Plaid did not answer within 10 seconds.',
          display_message: null,
          request_id: 'req-proxy-1',
          status: 504,
        },
        { status: 504 },
      ),
    );
    server.use(handler);
    const { user } = renderApp();
    await user.click(tokenField());
    await user.paste(SANDBOX_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    expect((await screen.findAllByText('Plaid did not answer within 10 seconds.'))[0]).toBeVisible();
    expect(screen.getByText('Verdict: Lookup failed (UPSTREAM_TIMEOUT).')).toBeInTheDocument();
  });

  it('says when the server cannot be reached', async () => {
    const { handler } = lookupHandler(() => HttpResponse.error());
    server.use(handler);
    const { user } = renderApp();
    await user.click(tokenField());
    await user.paste(SANDBOX_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    expect((await screen.findAllByText(/Could not reach the Link Token Inspector server/))[0]).toBeVisible();
    expect(screen.getByRole('button', { name: 'Look up' })).toBeEnabled();
  });

  it('says when the server answers something that is not JSON', async () => {
    const { handler } = lookupHandler(() => new HttpResponse('<html>Bad gateway</html>', { status: 502 }));
    server.use(handler);
    const { user } = renderApp();
    await user.click(tokenField());
    await user.paste(SANDBOX_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    expect(
      (await screen.findAllByText(/answered HTTP 502 with something that is not JSON/))[0],
    ).toBeVisible();
  });

  it('does not retry a failed lookup by itself', async () => {
    const { sent, handler } = lookupHandler(() =>
      HttpResponse.json(
        {
          error_type: 'API_ERROR',
          error_code: 'INTERNAL_SERVER_ERROR',
          error_message: 'x',
          display_message: null,
        },
        { status: 500 },
      ),
    );
    server.use(handler);
    const { user } = renderApp();
    await user.click(tokenField());
    await user.paste(SANDBOX_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    await screen.findByText('Verdict: Lookup failed (INTERNAL_SERVER_ERROR).');
    await delay(300);
    expect(sent).toHaveLength(1);
  });
});

describe('copy link', () => {
  it('copies a link with the looked-up token and never the credentials', async () => {
    server.use(lookupHandler(() => HttpResponse.json(answer())).handler);
    const { user } = renderApp();
    await user.click(tokenField());
    await user.paste(SANDBOX_TOKEN);
    await user.click(await screen.findByRole('button', { name: /Credentials/ }));
    await user.type(lookupForm().getByLabelText('Client ID'), 'my-client');
    await user.type(lookupForm().getByLabelText('Secret'), 'my-secret');
    await user.click(screen.getByRole('button', { name: 'Look up' }));

    await user.click(await screen.findByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText('Link copied')).toBeInTheDocument();
    const copied = await navigator.clipboard.readText();
    expect(copied).toBe(`${window.location.origin}/?link_token=${SANDBOX_TOKEN}`);
    expect(copied).not.toMatch(/my-client|my-secret/);
  });
});

describe('the ticket’s link back', () => {
  async function copiedTicket() {
    server.use(lookupHandler(() => HttpResponse.json(answer())).handler);
    const { user } = renderApp();
    await user.click(tokenField());
    await user.paste(SANDBOX_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    const button = await screen.findByRole('button', {
      name: 'Copy for a ticket: a plain-text summary of this lookup',
    });
    await user.click(button);
    await waitFor(() => expect(button).toHaveTextContent('Copied'));
    return navigator.clipboard.readText();
  }

  it('is the server’s public address (PUBLIC_URL) when it knows one', async () => {
    server.use(configHandler({ ...SIMULATOR_INFO, publicUrl: 'https://inspector.example.com' }));
    expect(await copiedTicket()).toContain(
      `\nInspector: https://inspector.example.com/?link_token=${SANDBOX_TOKEN}\n`,
    );
  });

  it('is left out otherwise: this page’s own address may be the reader’s 127.0.0.1', async () => {
    expect(await copiedTicket()).not.toContain('Inspector:');
  });
});

describe('a token no credentials can serve', () => {
  it('is not sent: the credentials open, marked needed, saying why, and the lookup runs once they are given', async () => {
    server.use(configHandler({ ...SIMULATOR_INFO, mode: 'plaid', serverCredentials: ['sandbox'] }));
    const lookup = lookupHandler(() => HttpResponse.json(answer({ link_token: PRODUCTION_TOKEN })));
    server.use(lookup.handler);
    const { user } = renderApp();
    await user.click(tokenField());
    await user.paste(PRODUCTION_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Look up' }));

    expect(
      await screen.findByText(/Not looked up yet: this server has no Plaid credentials for Production/),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Credentials (needed)' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    expect(lookup.sent).toHaveLength(0);

    await user.type(lookupForm().getByLabelText('Client ID'), 'my-client');
    await user.type(lookupForm().getByLabelText('Secret'), 'my-secret');
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    await waitFor(() => expect(lookup.sent).toHaveLength(1));
  });
});
