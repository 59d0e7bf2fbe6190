import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { KeptSession } from '../../../../shared/schemas/kept';
import { makeResponse } from '../../../../shared/test/fixtures';
import { keptTartanFailure } from '../../../test/kept-sessions';
import { makeResult } from '../../../test/lookup-results';
import { server } from '../../../test/msw-server';
import { StatusPanel } from './StatusPanel';

const ANSWERED_AT = Date.parse('2026-11-25T10:30:00Z');

function withKept(sessions: KeptSession[], live = makeResponse({ link_sessions: [] })) {
  // skipped: only what the store held before this answer counts.
  return { ...makeResult(live), kept: { status: 'skipped' as const, sessions, permalink: '/?kept=1' } };
}

function verdict() {
  return within(screen.getByRole('region', { name: 'Verdict' }));
}

describe('StatusPanel with sessions the store kept', () => {
  it('diagnoses a session Plaid no longer returns, labelled as the store’s copy with who saw it and when', () => {
    render(<StatusPanel result={withKept([keptTartanFailure])} answeredAt={ANSWERED_AT} />);
    expect(verdict().getByText('Failed')).toBeInTheDocument();
    expect(verdict().getByText(/Link failed at Tartan Bank with INVALID_CREDENTIALS/)).toBeInTheDocument();
    expect(
      screen.getByText(/1 session below comes from the inspector’s store, not from Plaid now/),
    ).toBeInTheDocument();
    const card = within(screen.getByRole('article'));
    const label = card.getByText(/^Kept from a lookup by ana at/);
    expect(label.querySelector('time')).toHaveAttribute('dateTime', '2026-11-24T10:42:00Z');
  });

  it('merges a session both have into one card, unlabelled: Plaid still returns it', () => {
    const thinner = { ...keptTartanFailure.session, exit: undefined };
    render(
      <StatusPanel
        result={withKept([keptTartanFailure], makeResponse({ link_sessions: [thinner] }))}
        answeredAt={ANSWERED_AT}
      />,
    );
    expect(screen.getAllByRole('article')).toHaveLength(1);
    // The kept exit is not erased by Plaid's thinner copy.
    expect(verdict().getByText(/Link failed at Tartan Bank with INVALID_CREDENTIALS/)).toBeInTheDocument();
    expect(screen.queryByText(/Kept from/)).not.toBeInTheDocument();
    expect(screen.queryByText(/from the inspector’s store/)).not.toBeInTheDocument();
  });

  it('says of the store’s own answer (the permalink) that Plaid was not asked, not that Plaid dropped the session', () => {
    const fromStore = {
      ...withKept([keptTartanFailure]),
      fromStore: { seenAt: '2026-11-24T10:42:00Z', seenBy: 'ana' },
    };
    render(<StatusPanel result={fromStore} answeredAt={ANSWERED_AT} />);
    expect(
      screen.getByText(/1 session below comes from the inspector’s store, not from Plaid now/),
    ).toHaveTextContent(/the whole answer is the store’s copy, and Plaid was not asked\.$/);
    expect(screen.queryByText(/no longer has/)).not.toBeInTheDocument();
  });

  it('behaves as before for a token the store does not know', () => {
    render(<StatusPanel result={withKept([])} answeredAt={ANSWERED_AT} />);
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
    expect(screen.queryByText(/inspector’s store/)).not.toBeInTheDocument();
  });
});

describe('Delete from the store', () => {
  function deleteHandler(respond: () => Response) {
    const sent: unknown[] = [];
    server.use(
      http.delete('/api/kept', async ({ request }) => {
        sent.push(await request.json());
        return respond();
      }),
    );
    return sent;
  }

  it('asks first, then deletes the token and says browsers’ Recent lookups are not reached', async () => {
    const sent = deleteHandler(() => HttpResponse.json({ deleted: 1 }));
    const user = userEvent.setup();
    const result = withKept([keptTartanFailure]);
    render(<StatusPanel result={result} answeredAt={ANSWERED_AT} />);

    await user.click(screen.getByRole('button', { name: 'Delete from the store' }));
    expect(
      screen.getByText(/Delete everything the inspector’s store kept about this token/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(sent).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Delete from the store' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const done = await screen.findByText(/Deleted from the inspector’s store/);
    expect(done).toHaveTextContent('Browsers’ own Recent lookups');
    expect(sent).toEqual([{ link_tokens: [result.data.link_token] }]);
  });

  it('says why when the store cannot delete', async () => {
    deleteHandler(() =>
      HttpResponse.json(
        {
          error_type: 'API_ERROR',
          error_code: 'STORE_UNAVAILABLE',
          error_message: 'The inspector’s store cannot be reached.',
          display_message: null,
        },
        { status: 503 },
      ),
    );
    const user = userEvent.setup();
    render(<StatusPanel result={withKept([keptTartanFailure])} answeredAt={ANSWERED_AT} />);
    await user.click(screen.getByRole('button', { name: 'Delete from the store' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Not deleted: The inspector’s store cannot be reached.',
    );
  });

  it('is not offered when the store holds nothing about the token', () => {
    render(<StatusPanel result={withKept([])} answeredAt={ANSWERED_AT} />);
    expect(screen.queryByRole('button', { name: 'Delete from the store' })).not.toBeInTheDocument();
  });
});
