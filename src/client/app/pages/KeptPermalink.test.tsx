import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../test/msw-server';
import {
  answer,
  configHandler,
  exampleSession,
  fixtureTokensHandler,
  SANDBOX_TOKEN,
} from '../../test/answers';
import { lookupHandler } from '../../test/lookup-page';
import { renderApp } from '../../test/render-app';

// ?link_token=…&kept=1 (the permalink a lookup's `kept` field gives) opens the answer the inspector's
// store kept, without asking Plaid, and offers to ask Plaid now.

const keptSession = { ...exampleSession, link_session_id: 'kept-session-1' };

function keptHandler() {
  const asked: string[] = [];
  const handler = http.get('/api/kept/:token', ({ params }) => {
    asked.push(String(params.token));
    return HttpResponse.json({
      link_token: SANDBOX_TOKEN,
      environment: 'sandbox',
      seen_at: '2026-11-24T10:42:00Z',
      seen_by: 'ana',
      answer: answer({ link_sessions: [keptSession] }),
      sessions: [
        {
          session: keptSession,
          source: 'lookup',
          first_seen_at: '2026-11-24T10:40:00Z',
          seen_at: '2026-11-24T10:42:00Z',
          seen_by: 'ana',
        },
      ],
      permalink: `/?link_token=${SANDBOX_TOKEN}&kept=1`,
    });
  });
  return { asked, handler };
}

beforeEach(() => {
  server.use(configHandler(), fixtureTokensHandler());
  window.localStorage.clear();
});

describe('the permalink of a kept answer', () => {
  it('opens the store’s answer without asking Plaid, says so, and asks Plaid when told to', async () => {
    const kept = keptHandler();
    const lookup = lookupHandler(() => HttpResponse.json(answer()));
    server.use(kept.handler, lookup.handler);
    window.history.replaceState(null, '', `/?link_token=${SANDBOX_TOKEN}&kept=1`);
    const { user } = renderApp();

    const notice = await screen.findByText(/This is the answer the inspector’s store kept, as ana saw it at/);
    expect(within(notice).getByRole('time')).toHaveAttribute('dateTime', '2026-11-24T10:42:00Z');
    expect(kept.asked).toEqual([SANDBOX_TOKEN]);
    expect(lookup.sent).toHaveLength(0);
    // The store's copy of the session, labelled with who saw it and when.
    expect(await screen.findByText(/^Kept from a lookup by ana at/)).toBeInTheDocument();
    // The recent lookups remember the verdict of the sessions shown, not of an empty answer.
    const recent = await screen.findByRole('button', { name: new RegExp(`^Re-run ${SANDBOX_TOKEN}`) });
    expect(recent).not.toHaveTextContent(/no sessions|Never opened/);

    await user.click(screen.getByRole('button', { name: 'Ask Plaid now' }));
    await waitFor(() => expect(lookup.sent).toEqual([{ link_token: SANDBOX_TOKEN }]));
    expect(window.location.search).toBe(`?link_token=${SANDBOX_TOKEN}`);
    await waitFor(() =>
      expect(screen.queryByText(/This is the answer the inspector’s store kept/)).toBeNull(),
    );
  });

  it('says when the store holds nothing about the token', async () => {
    server.use(
      http.get('/api/kept/:token', () =>
        HttpResponse.json(
          {
            error_type: 'API_ERROR',
            error_code: 'NOT_KEPT',
            error_message: 'The inspector’s store holds nothing about this link token.',
            display_message: null,
          },
          { status: 404 },
        ),
      ),
    );
    window.history.replaceState(null, '', `/?link_token=${SANDBOX_TOKEN}&kept=1`);
    renderApp();
    expect(
      await screen.findByText(/The inspector’s store was asked for its kept answer/),
    ).toBeInTheDocument();
    expect((await screen.findAllByText(/NOT_KEPT/)).length).toBeGreaterThan(0);
  });
});
