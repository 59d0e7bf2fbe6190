import { screen, waitFor } from '@testing-library/react';
import { HttpResponse } from 'msw';
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

// Every lookup is a page in the browser's history, and a link with ?link_token= runs its lookup,
// unless the server lacks the credentials it needs; credentials never reach the URL.

const OTHER_TOKEN = 'link-sandbox-ffffffff-ffff-4fff-bfff-ffffffffffff';

function answersFor() {
  return lookupHandler((body) => HttpResponse.json(answer({ link_token: body.link_token })));
}

function urlToken() {
  return new URL(window.location.href).searchParams.get('link_token');
}

async function lookUp(user: ReturnType<typeof renderApp>['user'], token: string) {
  await user.clear(tokenField());
  await user.click(tokenField());
  await user.paste(token);
  await user.click(screen.getByRole('button', { name: 'Look up' }));
}

async function answerShownFor(token: string) {
  await screen.findByRole('heading', { name: 'Link token details' });
  await waitFor(() => expect(screen.getAllByText(token).length).toBeGreaterThan(0));
}

beforeEach(() => {
  server.use(configHandler(), fixtureTokensHandler());
  window.localStorage.clear();
});

describe('the address bar', () => {
  it('names each new lookup in a new history entry; a repeated lookup adds none', async () => {
    const { sent, handler } = answersFor();
    server.use(handler);
    const { user } = renderApp();
    const startLength = window.history.length;

    await lookUp(user, SANDBOX_TOKEN);
    await waitFor(() => expect(urlToken()).toBe(SANDBOX_TOKEN));
    // The answer view loads as a chunk of its own with the first answer: the page waits for it.
    await answerShownFor(SANDBOX_TOKEN);
    await lookUp(user, OTHER_TOKEN);
    await waitFor(() => expect(urlToken()).toBe(OTHER_TOKEN));
    expect(window.history.length).toBe(startLength + 2);

    await answerShownFor(OTHER_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    await waitFor(() => expect(sent).toHaveLength(3));
    expect(window.history.length).toBe(startLength + 2);
  });

  it('Back and Forward show each lookup again, and Back past the first empties the page', async () => {
    const { sent, handler } = answersFor();
    server.use(handler);
    const { user } = renderApp();
    await lookUp(user, SANDBOX_TOKEN);
    await answerShownFor(SANDBOX_TOKEN);
    await lookUp(user, OTHER_TOKEN);
    await answerShownFor(OTHER_TOKEN);

    window.history.back();
    await waitFor(() => expect(tokenField()).toHaveValue(SANDBOX_TOKEN));
    await waitFor(() => expect(sent.at(-1)).toEqual({ link_token: SANDBOX_TOKEN }));
    await answerShownFor(SANDBOX_TOKEN);
    expect(screen.queryByText('Previous token’s answer.', { exact: false })).not.toBeInTheDocument();

    window.history.forward();
    await waitFor(() => expect(tokenField()).toHaveValue(OTHER_TOKEN));
    await waitFor(() => expect(sent.at(-1)).toEqual({ link_token: OTHER_TOKEN }));

    window.history.back();
    await waitFor(() => expect(tokenField()).toHaveValue(SANDBOX_TOKEN));
    window.history.back();
    await waitFor(() => expect(tokenField()).toHaveValue(''));
    expect(screen.queryByRole('heading', { name: 'Link token details' })).not.toBeInTheDocument();
    expect(tokenField()).not.toHaveAttribute('aria-invalid');
  });

  it('never holds credentials, even after a lookup with them', async () => {
    const { sent, handler } = answersFor();
    server.use(handler);
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: /Credentials/ }));
    await user.type(lookupForm().getByLabelText('Client ID'), 'my-client');
    await user.type(lookupForm().getByLabelText('Secret'), 'my-secret');
    await lookUp(user, SANDBOX_TOKEN);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(window.location.search).toBe(`?link_token=${SANDBOX_TOKEN}`);
  });
});

describe('a link with ?link_token=', () => {
  it('looks the token up at once and shows the answer', async () => {
    const { sent, handler } = answersFor();
    server.use(handler);
    window.history.replaceState(null, '', `/?link_token=${SANDBOX_TOKEN}`);
    const startLength = window.history.length;
    renderApp();
    expect(tokenField()).toHaveValue(SANDBOX_TOKEN);
    await answerShownFor(SANDBOX_TOKEN);
    expect(sent).toEqual([{ link_token: SANDBOX_TOKEN }]);
    expect(window.history.length).toBe(startLength);
  });

  it('says what is wrong with a token that is not a link token, and sends nothing', async () => {
    const { sent, handler } = answersFor();
    server.use(handler);
    window.history.replaceState(null, '', '/?link_token=public-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d');
    renderApp();
    expect(await screen.findByText(/This is a public_token, not a link_token/)).toBeVisible();
    await screen.findByText(/Simulator mode/);
    expect(sent).toHaveLength(0);
  });

  it('opens the credentials, with focus in them and the reason, when the server has none for the token', async () => {
    const { sent, handler } = answersFor();
    server.use(
      handler,
      configHandler({
        mode: 'plaid',
        serverCredentials: ['sandbox'],
        allowRequestCredentials: true,
        rateLimitPerMinute: 120,
        publicUrl: null,
      }),
    );
    window.history.replaceState(null, '', `/?link_token=${PRODUCTION_TOKEN}`);
    const { user } = renderApp();

    const clientId = lookupForm().getByLabelText('Client ID');
    await waitFor(() => expect(clientId).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Credentials (needed)' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    const reason = screen.getByText(/Not looked up yet: this server has no Plaid credentials for Production/);
    expect(reason).toBeVisible();
    // The usual "leave empty" hint would contradict the reason.
    expect(screen.queryByText(/Leave empty/)).not.toBeInTheDocument();
    expect(clientId).toHaveAccessibleDescription(reason.textContent!);
    expect(sent).toHaveLength(0);

    await user.type(clientId, 'my-client');
    await user.type(lookupForm().getByLabelText('Secret'), 'my-secret');
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    await waitFor(() =>
      expect(sent).toEqual([{ link_token: PRODUCTION_TOKEN, client_id: 'my-client', secret: 'my-secret' }]),
    );
    expect(screen.queryByText(/Not looked up yet/)).not.toBeInTheDocument();
  });

  it('runs when the server holds credentials for the token’s environment', async () => {
    const { sent, handler } = answersFor();
    server.use(
      handler,
      configHandler({ ...SIMULATOR_INFO, mode: 'plaid', serverCredentials: ['production'] }),
    );
    window.history.replaceState(null, '', `/?link_token=${PRODUCTION_TOKEN}`);
    renderApp();
    await waitFor(() => expect(sent).toEqual([{ link_token: PRODUCTION_TOKEN }]));
  });
});
