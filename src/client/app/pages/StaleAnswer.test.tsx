import { screen, waitFor } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../test/msw-server';
import { answer, configHandler, fixtureTokensHandler, SANDBOX_TOKEN } from '../../test/answers';
import { lookupForm, lookupHandler, tokenField } from '../../test/lookup-page';
import { renderApp } from '../../test/render-app';

// An answer stays on screen when the form changes, but never as the answer to what the form now
// holds: it is dimmed, says whose answer it is, and offers the way back.

const OTHER_TOKEN = 'link-sandbox-ffffffff-ffff-4fff-bfff-ffffffffffff';

async function lookedUp() {
  const { sent, handler } = lookupHandler(() => HttpResponse.json(answer()));
  server.use(handler);
  const rendered = renderApp();
  await rendered.user.click(tokenField());
  await rendered.user.paste(SANDBOX_TOKEN);
  await rendered.user.click(screen.getByRole('button', { name: 'Look up' }));
  await screen.findByRole('heading', { name: 'Link token details' });
  return { ...rendered, sent };
}

function theAnswer() {
  return screen.getByTestId('lookup-answer');
}

// A stale answer is described by the notice above it (and dimmed, which e2e/honest-answer.spec.ts
// checks in a real browser: component tests do not see CSS); the current answer has no such words.
function expectCurrent() {
  expect(theAnswer()).not.toHaveAccessibleDescription();
}

function expectMarked(whose: RegExp) {
  expect(theAnswer()).toHaveAccessibleDescription(whose);
}

// The notice's sentence (its first words are in bold).
function staleNotice() {
  return screen.queryByText('Previous token’s answer.')?.closest('p') ?? null;
}

beforeEach(() => {
  server.use(configHandler(), fixtureTokensHandler());
  window.localStorage.clear();
});

describe('an answer that no longer matches the field', () => {
  it.each([
    [
      'an access token',
      'access-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      /access_token, a long-lived secret/,
    ],
    ['"hello world"', 'hello world', /This is not a link token/],
  ])(
    'is dimmed and labelled as the previous token’s under the inline error for %s',
    async (_name, typed, inlineError) => {
      const { user } = await lookedUp();
      expect(staleNotice()).not.toBeInTheDocument();
      expectCurrent();

      await user.clear(tokenField());
      await user.type(tokenField(), typed);
      expect(screen.getByText(inlineError)).toBeVisible();
      const notice = staleNotice()!;
      expect(notice).toBeVisible();
      expect(notice).toHaveTextContent(
        `Below is what Plaid said about ${SANDBOX_TOKEN}, not about what the field holds now.`,
      );
      expectMarked(/^Previous token’s answer\. Below is what Plaid said about/);
      // The notice sits between the field's error and the answer.
      expect(notice.compareDocumentPosition(theAnswer()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(screen.getByText(/The answer below is for the previous token\./)).toHaveAttribute(
        'role',
        'status',
      );
    },
  );

  it('is marked as soon as another valid token is typed, before it is looked up', async () => {
    const { user, sent } = await lookedUp();
    await user.clear(tokenField());
    await user.paste(OTHER_TOKEN);
    expect(staleNotice()).toBeVisible();
    expectMarked(/^Previous token’s answer\./);
    expect(sent).toHaveLength(1);
  });

  it('counts the same token written differently as the same token', async () => {
    const { user } = await lookedUp();
    await user.clear(tokenField());
    await user.paste(`  ${SANDBOX_TOKEN.toUpperCase()} `);
    expect(staleNotice()).not.toBeInTheDocument();
    expectCurrent();
  });

  it('becomes current again when the token is put back, with the inline error gone', async () => {
    const { user } = await lookedUp();
    await user.clear(tokenField());
    await user.type(tokenField(), 'hello world');
    await user.click(screen.getByRole('button', { name: 'Put that token back in the field' }));

    expect(tokenField()).toHaveValue(SANDBOX_TOKEN);
    await waitFor(() => expect(tokenField()).not.toHaveAttribute('aria-invalid'));
    expect(screen.queryByText(/This is not a link token/)).not.toBeInTheDocument();
    expect(staleNotice()).not.toBeInTheDocument();
    expectCurrent();
    expect(tokenField()).toHaveFocus();
  });

  it('is labelled as the earlier credentials’ answer when the credentials change', async () => {
    const { user } = await lookedUp();
    await user.click(screen.getByRole('button', { name: /Credentials/ }));
    await user.type(lookupForm().getByLabelText('Secret'), 'a-bad-secret');

    expect(screen.getByText('Answer for the earlier credentials.', { exact: false })).toBeVisible();
    expectMarked(/^Answer for the earlier credentials\./);

    await user.click(screen.getByRole('button', { name: 'Put the earlier credentials back' }));
    expect(lookupForm().getByLabelText('Secret')).toHaveValue('');
    expectCurrent();
  });

  it('is replaced, not dimmed, by the next lookup’s answer', async () => {
    const { user, sent } = await lookedUp();
    await user.clear(tokenField());
    await user.paste(OTHER_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    await screen.findByRole('heading', { name: 'Link token details' });
    expect(staleNotice()).not.toBeInTheDocument();
    expectCurrent();
  });
});
