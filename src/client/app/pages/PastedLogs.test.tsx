import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_PASTED_LOG_CHARS } from '../../../shared/client-logs/paste-check';
import {
  EVENTS_WEBHOOK_BODY,
  LOGS_LINK_TOKEN,
  PUBLIC_TOKEN,
  REACT_NATIVE_LINES,
  WEB_SDK_LOG_LINES,
  WEB_SESSION,
} from '../../../shared/test/client-logs';
import { answer, configHandler, fixtureTokensHandler } from '../../test/answers';
import { lookupHandler, tokenField } from '../../test/lookup-page';
import { server } from '../../test/msw-server';
import { renderApp } from '../../test/render-app';

// Link client logs pasted into the lookup's field are read and diagnosed on the page: the answer
// says they came from pasted logs, which lines it read and which not; a link token in them is
// looked up with Plaid too. Nothing pasted goes to the server.

beforeEach(() => {
  server.use(configHandler(), fixtureTokensHandler());
  window.localStorage.clear();
});

async function paste(text: string) {
  const rendered = renderApp();
  await rendered.user.click(tokenField());
  await rendered.user.paste(text);
  return rendered;
}

// The answer's view and the diagnosis load lazily, the first time slowly on a busy machine.
async function findPastedAnswer() {
  return within(await screen.findByTestId('pasted-logs-answer', {}, { timeout: 20_000 }));
}

describe('pasting Link client logs into the lookup field', () => {
  it('answers from the pasted logs with the verdict, bank and code, and sends nothing to the server', async () => {
    const { sent, handler } = lookupHandler(() => HttpResponse.json(answer()));
    server.use(handler);
    await paste(`Checkout page\n${WEB_SDK_LOG_LINES}`);

    const logs = await findPastedAnswer();
    expect(logs.getByRole('heading', { name: 'From pasted logs' })).toBeVisible();
    expect(logs.getByText(/Rebuilt from the Link client logs pasted here, in this page only/)).toBeVisible();
    expect(
      logs.getByText(
        'Link failed at First Platypus Bank with INVALID_CREDENTIALS (exit status requires_credentials).',
      ),
    ).toBeVisible();
    expect(logs.getAllByText('Failed')[0]).toBeVisible();
    expect(logs.getAllByText(new RegExp(WEB_SESSION)).length).toBeGreaterThan(0);

    const lines = within(logs.getByRole('region', { name: 'Pasted lines' }));
    expect(lines.getByText('Read 7 entries; could not read 1 line or block.')).toBeVisible();
    expect(lines.getByText('Line 1')).toBeVisible();
    expect(lines.getByText('no JSON on this line:')).toBeVisible();
    expect(lines.getByText('Checkout page')).toBeVisible();
    expect(lines.getByText('web SDK onEvent TRANSITION_VIEW')).toBeVisible();

    // Logs are no token: the field stays empty and Plaid is not asked without a link token.
    expect(tokenField()).toHaveValue('');
    expect(sent).toEqual([]);
  });

  it('looks up a link token named in the logs with Plaid and shows both answers', async () => {
    const { sent, handler } = lookupHandler(() => HttpResponse.json(answer({ link_token: LOGS_LINK_TOKEN })));
    server.use(handler);
    await paste(EVENTS_WEBHOOK_BODY);

    expect(
      (await findPastedAnswer()).getByText(
        'Link failed at Tartan Bank with INSTITUTION_NOT_RESPONDING (exit status requires_credentials).',
      ),
    ).toBeVisible();
    expect((await findPastedAnswer()).getByText(/Plaid’s own answer for it is below/)).toBeVisible();
    await waitFor(() => expect(sent).toEqual([{ link_token: LOGS_LINK_TOKEN }]));
    expect(await screen.findByTestId('lookup-answer')).toBeVisible();
  });

  it('masks public tokens in what it shows', async () => {
    await paste(REACT_NATIVE_LINES);
    expect((await findPastedAnswer()).getByText(/One token or secret in them is masked/)).toBeVisible();
    expect(document.body.textContent).not.toContain(PUBLIC_TOKEN);
  });

  it('says when no session could be read, and lists why', async () => {
    await paste('{"eventName":"OPEN","metadata":{"viewName":"CONSENT"}}');
    expect(
      (await findPastedAnswer()).getByText(/No Link session could be read from the pasted lines/),
    ).toBeVisible();
    expect((await findPastedAnswer()).getByText('a Link callback without a link_session_id:')).toBeVisible();
  });

  it('refuses a paste past the size limit with a clear message', async () => {
    const line = `${WEB_SDK_LOG_LINES}\n`;
    await paste(line.repeat(Math.ceil(MAX_PASTED_LOG_CHARS / line.length) + 1));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /The pasted logs are \d+\.\d MB; the inspector reads at most 1\.0 MB at a time/,
    );
  });

  it('clears the pasted logs on request, and a token pasted next is pasted as before', async () => {
    const { user } = await paste(WEB_SDK_LOG_LINES);
    await user.click((await findPastedAnswer()).getByRole('button', { name: 'Clear pasted logs' }));
    expect(screen.queryByTestId('pasted-logs-answer')).not.toBeInTheDocument();

    await user.click(tokenField());
    await user.paste(`"${LOGS_LINK_TOKEN}"`);
    expect(tokenField()).toHaveValue(LOGS_LINK_TOKEN);
  });
});
