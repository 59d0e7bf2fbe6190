import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../../test/msw-server';
import {
  failedSession,
  linkedSession,
  linkTokenBody,
  plaidErrorBody,
  requestedToken,
  tokenNumber,
} from '../../../test/batch-answers';
import { configHandler, pasteAndRun, renderBatch, shownTokens } from '../../../test/render-batch';

// "What failed, how often, at which bank" in one place under the verdict bar: banks ranked by
// failed sessions, not by tokens; the lookups that failed (we could not read the token) apart.

const HOUNDSTOOTH = { name: 'Houndstooth Bank', institution_id: 'ins_109512' };
const TARTAN = { name: 'Tartan Bank', institution_id: 'ins_109511' };

// Houndstooth: many tokens, mostly linked, one failure. Tartan: fewer tokens, all failed (it is down).
const HOUNDSTOOTH_LINKED = [1, 2, 3, 4, 5].map(tokenNumber);
const HOUNDSTOOTH_FAILED = tokenNumber(6);
const TARTAN_DOWN = [7, 8].map(tokenNumber);
const TARTAN_BAD_CREDENTIALS = tokenNumber(9);
const UNREADABLE = [10, 11].map(tokenNumber);
const UPSTREAM = tokenNumber(12);

beforeEach(() => {
  server.use(
    configHandler(),
    http.post('/api/link/token/get', async ({ request }) => {
      const token = await requestedToken(request);
      const failed = (code: string, institution: typeof TARTAN) =>
        HttpResponse.json(linkTokenBody(token, { sessions: [failedSession(code, { institution })] }));
      if (HOUNDSTOOTH_LINKED.includes(token))
        return HttpResponse.json(
          linkTokenBody(token, { sessions: [linkedSession({ institution: HOUNDSTOOTH })] }),
        );
      if (token === HOUNDSTOOTH_FAILED) return failed('INVALID_CREDENTIALS', HOUNDSTOOTH);
      if (TARTAN_DOWN.includes(token)) return failed('INSTITUTION_DOWN', TARTAN);
      if (token === TARTAN_BAD_CREDENTIALS) return failed('INVALID_CREDENTIALS', TARTAN);
      if (token === UPSTREAM)
        return HttpResponse.json(plaidErrorBody('UPSTREAM_BAD_RESPONSE', 'API_ERROR'), { status: 502 });
      return HttpResponse.json(plaidErrorBody('INVALID_LINK_TOKEN'), { status: 400 });
    }),
  );
});

const ALL = [
  ...HOUNDSTOOTH_LINKED,
  HOUNDSTOOTH_FAILED,
  ...TARTAN_DOWN,
  TARTAN_BAD_CREDENTIALS,
  ...UNREADABLE,
  UPSTREAM,
];

function panel(): HTMLElement {
  return screen.getByRole('region', { name: 'Failures by bank' });
}

async function runAll() {
  const user = renderBatch();
  await pasteAndRun(user, ALL.join('\n'));
  await screen.findByText(/^Done:/);
  return user;
}

describe('failures by bank', () => {
  it('ranks the banks by failed sessions, not by tokens, each with its top error codes', async () => {
    await runAll();

    // The Institution counts go by tokens (Houndstooth has more); the ranking by failures.
    expect(
      within(screen.getByRole('group', { name: 'Institution' })).getAllByRole('button')[0],
    ).toHaveTextContent('Houndstooth Bank 6');
    const banks = within(panel()).getAllByRole('listitem');
    expect(banks.map((bank) => bank.textContent)).toEqual([
      'Tartan BankFailed 3 of 3 tokensINSTITUTION_DOWN 2, INVALID_CREDENTIALS 1',
      'Houndstooth BankFailed 1 of 6 tokensINVALID_CREDENTIALS 1',
    ]);
    // The panel comes right after the verdicts, before the other counts.
    const verdicts = screen.getByRole('group', { name: 'Verdict' });
    expect(verdicts.compareDocumentPosition(panel()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(
      panel().compareDocumentPosition(screen.getByRole('group', { name: 'Error code' })) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('keeps the failed lookups apart from Link’s failures, with their own codes', async () => {
    await runAll();

    // No bank lists the lookup's own errors: those tokens could not be read.
    for (const bank of within(panel()).getAllByRole('listitem')) {
      expect(bank).not.toHaveTextContent(/INVALID_LINK_TOKEN|UPSTREAM_BAD_RESPONSE/);
    }
    expect(panel()).toHaveTextContent(
      'Lookup failed 3 tokens we could not read, so no bank is known: INVALID_LINK_TOKEN 2, UPSTREAM_BAD_RESPONSE 1',
    );
    // In the counts: each its own verdict, and the error codes say which are the lookup's.
    expect(
      within(screen.getByRole('group', { name: 'Verdict' }))
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Failed 4', 'Lookup failed 3', 'Linked 5']);
    expect(
      within(screen.getByRole('group', { name: 'Error code' })).getByText(
        "INVALID_LINK_TOKEN, UPSTREAM_BAD_RESPONSE: the lookup's own errors (we could not read the token). The others are Link's.",
      ),
    ).toBeVisible();
  });

  it('filters the table to a bank from its line, and back', async () => {
    const user = await runAll();
    const tartan = within(panel()).getByRole('button', { name: 'Tartan Bank' });

    await user.click(tartan);
    expect(tartan).toHaveAttribute('aria-pressed', 'true');
    expect(shownTokens()).toEqual([...TARTAN_DOWN, TARTAN_BAD_CREDENTIALS]);
    expect(
      within(screen.getByRole('group', { name: 'Institution' })).getByRole('button', {
        name: 'Tartan Bank 3',
      }),
    ).toHaveAttribute('aria-pressed', 'true');

    await user.click(tartan);
    expect(tartan).toHaveAttribute('aria-pressed', 'false');
    expect(shownTokens()).toHaveLength(ALL.length);
  });

  it('says so when nothing failed', async () => {
    const user = renderBatch();
    await pasteAndRun(user, HOUNDSTOOTH_LINKED.join('\n'));
    await screen.findByText(/^Done:/);
    expect(panel()).toHaveTextContent('No Link session failed and every lookup was read.');
    expect(within(panel()).queryByRole('listitem')).toBeNull();
  });
});
