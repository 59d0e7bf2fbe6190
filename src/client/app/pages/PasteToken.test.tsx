import { screen, waitFor } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../test/msw-server';
import { answer, configHandler, fixtureTokensHandler, SANDBOX_TOKEN } from '../../test/answers';
import { lookupHandler, tokenField } from '../../test/lookup-page';
import { renderApp } from '../../test/render-app';

// A paste into the token field that holds one token (with quotes, in a log line, JSON or a URL)
// leaves the token alone in the field and says so; one that holds several offers Batch.

const OTHER_TOKEN = 'link-production-ffffffff-ffff-4fff-bfff-ffffffffffff';
const TOOK_IT = 'Took the link token out of the pasted text.';

beforeEach(() => {
  server.use(configHandler(), fixtureTokensHandler());
  window.localStorage.clear();
});

async function pasteIntoField(text: string, existing = '') {
  const rendered = renderApp();
  if (existing) await rendered.user.type(tokenField(), existing);
  await rendered.user.click(tokenField());
  await rendered.user.paste(text);
  return rendered;
}

describe('pasting into the token field', () => {
  it.each([
    ['a quoted JSON value', `"${SANDBOX_TOKEN}",`],
    ['a log line', `2026-11-30T11:02:03Z INFO created link_token=${SANDBOX_TOKEN} request_id=Fq3b`],
    ['a JSON object', `{ "link_token": "${SANDBOX_TOKEN}", "expiration": "2026-11-30T15:00:00Z" }`],
    ['a URL with ?link_token=', `https://inspector.example.com/?link_token=${SANDBOX_TOKEN}`],
  ])('takes the token out of %s and says so in one line', async (_name, text) => {
    await pasteIntoField(text);
    expect(tokenField()).toHaveValue(SANDBOX_TOKEN);
    expect(tokenField()).not.toHaveAttribute('aria-invalid');
    expect(screen.getByText(TOOK_IT).closest('[role="status"]')).toBeInTheDocument();
    expect(tokenField()).toHaveAccessibleDescription(TOOK_IT);
  });

  it('replaces what the field held, rather than adding to it', async () => {
    await pasteIntoField(`"${SANDBOX_TOKEN}"`, 'half-typed');
    expect(tokenField()).toHaveValue(SANDBOX_TOKEN);
  });

  it('looks up the token it took out', async () => {
    const { sent, handler } = lookupHandler(() => HttpResponse.json(answer()));
    server.use(handler);
    const { user } = await pasteIntoField(`token: '${SANDBOX_TOKEN}'`);
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    await waitFor(() => expect(sent).toEqual([{ link_token: SANDBOX_TOKEN }]));
  });

  it('pastes a bare token, or text without one, as it is and says nothing', async () => {
    await pasteIntoField(SANDBOX_TOKEN);
    expect(tokenField()).toHaveValue(SANDBOX_TOKEN);
    expect(screen.queryByText(TOOK_IT)).not.toBeInTheDocument();
  });

  it('lets the field explain text without a link token', async () => {
    await pasteIntoField('public-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d');
    expect(screen.getByText(/This is a public_token, not a link_token/)).toBeVisible();
    expect(screen.queryByText(TOOK_IT)).not.toBeInTheDocument();
  });

  it('drops the note once the field is edited', async () => {
    const { user } = await pasteIntoField(`"${SANDBOX_TOKEN}"`);
    expect(screen.getByText(TOOK_IT)).toBeVisible();
    await user.type(tokenField(), '{Backspace}');
    expect(screen.queryByText(TOOK_IT)).not.toBeInTheDocument();
  });

  it('offers to open several tokens in Batch, and fills Batch with them', async () => {
    const { user } = await pasteIntoField(`${SANDBOX_TOKEN},ok\n${OTHER_TOKEN},failed\n`);
    expect(tokenField()).toHaveValue('');
    expect(
      screen.getByText(
        'The pasted text holds 2 link tokens, so nothing was pasted: look them up together in Batch.',
      ),
    ).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Open the 2 tokens in Batch' }));
    expect(screen.getByRole('tab', { name: 'Batch' })).toHaveAttribute('aria-selected', 'true');
    const batchText = await screen.findByLabelText(/Tokens, or any text containing them/);
    await waitFor(() => expect(batchText).toHaveValue(`${SANDBOX_TOKEN}\n${OTHER_TOKEN}`));
    expect(batchText).toHaveFocus();
    expect(await screen.findByRole('button', { name: 'Look up 2 tokens' })).toBeVisible();
  });
});
