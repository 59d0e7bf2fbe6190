import { screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../../test/msw-server';
import { catchDownloads } from '../../../test/downloads';
import {
  failedSession,
  linkedSession,
  linkTokenBody,
  plaidErrorBody,
  requestedToken,
  tokenNumber,
} from '../../../test/batch-answers';
import {
  configHandler,
  pasteAndRun,
  renderBatch,
  rowOf,
  shownTokens,
  type BatchUser,
} from '../../../test/render-batch';

// Working through a finished batch: the breakdown's counts as filters (alone and combined), the
// verdict bar's figures, the drawer and its keyboard navigation, retrying the lookups that failed
// for a passing reason, the exports and the ticket summary.

const TARTAN = { name: 'Tartan Bank', institution_id: 'ins_109511' };
const DOWN_HOUNDSTOOTH = tokenNumber(1);
const BAD_CREDENTIALS_TARTAN = tokenNumber(2);
const LINKED_HOUNDSTOOTH = tokenNumber(3);
const UNKNOWN = tokenNumber(4);
const MAINTENANCE = tokenNumber(5);
const DOWN_TARTAN = tokenNumber(6);
const ALL = [DOWN_HOUNDSTOOTH, BAD_CREDENTIALS_TARTAN, LINKED_HOUNDSTOOTH, UNKNOWN, MAINTENANCE, DOWN_TARTAN];
// How the table shows them until another order is chosen: failed, failed lookups, linked; paste
// order within each.
const WORST_FIRST = [
  DOWN_HOUNDSTOOTH,
  BAD_CREDENTIALS_TARTAN,
  DOWN_TARTAN,
  UNKNOWN,
  MAINTENANCE,
  LINKED_HOUNDSTOOTH,
];

let requests: string[];
// Whether Plaid is still in maintenance: the 503 token answers once it is over.
let maintenance: boolean;

function answers() {
  return http.post('/api/link/token/get', async ({ request }) => {
    const token = await requestedToken(request);
    requests.push(token);
    switch (token) {
      case DOWN_HOUNDSTOOTH:
        return HttpResponse.json(linkTokenBody(token, { sessions: [failedSession('INSTITUTION_DOWN')] }));
      case BAD_CREDENTIALS_TARTAN:
        return HttpResponse.json(
          linkTokenBody(token, { sessions: [failedSession('INVALID_CREDENTIALS', { institution: TARTAN })] }),
        );
      case LINKED_HOUNDSTOOTH:
        return HttpResponse.json(linkTokenBody(token, { sessions: [linkedSession()] }));
      case UNKNOWN:
        return HttpResponse.json(plaidErrorBody('INVALID_LINK_TOKEN'), { status: 400 });
      case MAINTENANCE:
        return maintenance
          ? HttpResponse.json(plaidErrorBody('PLANNED_MAINTENANCE', 'API_ERROR'), { status: 503 })
          : HttpResponse.json(linkTokenBody(token, { sessions: [linkedSession({ institution: TARTAN })] }));
      default:
        return HttpResponse.json(
          linkTokenBody(token, { sessions: [failedSession('INSTITUTION_DOWN', { institution: TARTAN })] }),
        );
    }
  });
}

beforeEach(() => {
  requests = [];
  maintenance = true;
  server.use(configHandler(), answers());
});

async function runAll(): Promise<BatchUser> {
  const user = renderBatch();
  await pasteAndRun(user, ALL.join('\n'));
  await screen.findByText(/^Done:/);
  return user;
}

function group(name: string): HTMLElement {
  return screen.getByRole('group', { name });
}

function buttonNames(name: string): string[] {
  return within(group(name))
    .getAllByRole('button')
    .map((button) => button.textContent!.trim());
}

describe('the breakdown', () => {
  it('counts by verdict, error code, institution and exit status, each a button named by value and count', async () => {
    await runAll();

    expect(buttonNames('Verdict')).toEqual(['Failed 3', 'Lookup failed 2', 'Linked 1']);
    expect(buttonNames('Error code')).toEqual([
      'INSTITUTION_DOWN 2',
      'INVALID_CREDENTIALS 1',
      'INVALID_LINK_TOKEN 1',
      'PLANNED_MAINTENANCE 1',
    ]);
    // Equal counts in alphabetical order.
    expect(buttonNames('Institution')).toEqual(['Houndstooth Bank 2', 'Tartan Bank 2']);
    expect(buttonNames('Exit status')).toEqual(['requires_credentials 3']);
    for (const button of within(group('Verdict')).getAllByRole('button')) {
      expect(button).toHaveAttribute('aria-pressed', 'false');
    }
  });

  it('filters the table by a count, and combines groups: both must hold', async () => {
    const user = await runAll();

    await user.click(screen.getByRole('button', { name: 'INSTITUTION_DOWN 2' }));
    expect(screen.getByRole('button', { name: 'INSTITUTION_DOWN 2' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(shownTokens()).toEqual([DOWN_HOUNDSTOOTH, DOWN_TARTAN]);
    expect(screen.getByText('Showing 2 of 6')).toBeInTheDocument();
    // The other groups now count within INSTITUTION_DOWN.
    expect(buttonNames('Institution')).toEqual(['Houndstooth Bank 1', 'Tartan Bank 1']);
    expect(buttonNames('Verdict')).toEqual(['Failed 2']);

    await user.click(screen.getByRole('button', { name: 'Tartan Bank 1' }));
    expect(shownTokens()).toEqual([DOWN_TARTAN]);

    // A second value in the same group widens it: either error code, still at Tartan Bank.
    await user.click(screen.getByRole('button', { name: 'INVALID_CREDENTIALS 1' }));
    expect(shownTokens()).toEqual([BAD_CREDENTIALS_TARTAN, DOWN_TARTAN]);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(shownTokens()).toEqual(WORST_FIRST);
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'INSTITUTION_DOWN 2' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  it('filters by verdict, together with the text filter', async () => {
    const user = await runAll();
    await user.click(screen.getByRole('button', { name: 'Lookup failed 2' }));
    expect(shownTokens()).toEqual([UNKNOWN, MAINTENANCE]);

    await user.type(screen.getByLabelText('Filter rows'), 'maintenance');
    expect(shownTokens()).toEqual([MAINTENANCE]);
    expect(buttonNames('Verdict')).toEqual(['Lookup failed 1']);
  });

  it('draws one bar of the verdicts, each segment as wide as its count, the figures as text beneath', async () => {
    await runAll();

    const segments = [...group('Verdict').querySelectorAll<HTMLElement>('[title]')];
    expect(segments.map((segment) => [segment.title, segment.style.flexGrow])).toEqual([
      ['Failed: 3 of 6 (50%)', '3'],
      ['Lookup failed: 2 of 6 (33%)', '2'],
      ['Linked: 1 of 6 (17%)', '1'],
    ]);
    // Hidden from screen readers: the buttons say the same in words.
    expect(segments[0]!.parentElement).toHaveAttribute('aria-hidden', 'true');
    expect(within(group('Verdict')).getByRole('button', { name: 'Failed 3' })).toBeVisible();
  });

  it('updates the counts while the batch runs', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.post('/api/link/token/get', async ({ request }) => {
        const token = await requestedToken(request);
        if (token === DOWN_TARTAN) await held;
        return HttpResponse.json(linkTokenBody(token, { sessions: [linkedSession()] }));
      }),
    );
    const user = renderBatch();
    await pasteAndRun(user, ALL.join('\n'));

    await waitFor(() => expect(buttonNames('Verdict')).toEqual(['Linked 5', 'Pending 1']));
    release();
    await waitFor(() => expect(buttonNames('Verdict')).toEqual(['Linked 6']));
  });
});

describe('retry failed lookups', () => {
  it('runs again only the lookups that failed for a passing reason, and updates their rows', async () => {
    const user = await runAll();
    expect(requests).toHaveLength(6);
    expect(within(rowOf(MAINTENANCE)).getByText('Lookup failed')).toBeInTheDocument();

    maintenance = false;
    // INVALID_LINK_TOKEN would fail the same way again: only the 503 is retried.
    await user.click(screen.getByRole('button', { name: 'Retry 1 failed lookup' }));

    expect(await screen.findByText('Retry done: 1 of 1 failed lookup looked up again.')).toBeInTheDocument();
    expect(requests.slice(6)).toEqual([MAINTENANCE]);
    expect(within(rowOf(MAINTENANCE)).getByText('Linked')).toBeInTheDocument();
    expect(within(rowOf(UNKNOWN)).getByText('Lookup failed')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Retry/ })).not.toBeInTheDocument();
    expect(buttonNames('Verdict')).toEqual(['Failed 3', 'Lookup failed 1', 'Linked 2']);
  });

  it('shows the retried rows as pending while they run, and keeps the old answer if cancelled', async () => {
    const user = await runAll();
    server.use(
      http.post('/api/link/token/get', async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Retry 1 failed lookup' }));
    expect(await screen.findByText('Retrying 1 failed lookup…')).toBeInTheDocument();
    expect(within(rowOf(MAINTENANCE)).getByText('Pending')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Cancel batch' }));
    expect(await screen.findByText('Cancelled after 0 of 1 lookups.')).toBeInTheDocument();
    expect(within(rowOf(MAINTENANCE)).getByText('Lookup failed')).toBeInTheDocument();
  });
});

describe('the drawer', () => {
  function drawer(token: string): HTMLElement {
    return screen.getByRole('region', { name: `Details for ${token}` });
  }

  it('opens a row beside the table with its diagnosis and the full answer, and moves focus there', async () => {
    const user = await runAll();
    await user.click(screen.getByRole('button', { name: `Show details for ${DOWN_HOUNDSTOOTH}` }));

    const details = drawer(DOWN_HOUNDSTOOTH);
    expect(within(details).getByRole('heading', { level: 2, name: /1 of 6/ })).toHaveFocus();
    expect(details).toHaveTextContent(
      'Failed Link failed at Houndstooth Bank with INSTITUTION_DOWN (exit status requires_credentials).',
    );
    expect(details).toHaveTextContent('Who acts nextWait for the bank');
    // The status panel, from the answer already fetched.
    expect(within(details).getByRole('heading', { name: 'Link token details' })).toBeInTheDocument();
    expect(requests).toHaveLength(6);
    // The table stays: the drawer is beside it.
    expect(shownTokens()).toEqual(WORST_FIRST);
  });

  it('steps through the rows shown with J and K, from the drawer or the table', async () => {
    const user = await runAll();
    await user.click(screen.getByRole('button', { name: 'Failed 3' }));
    await user.click(screen.getByRole('button', { name: `Show details for ${DOWN_HOUNDSTOOTH}` }));

    // From the drawer: J is the next row shown (filtered to Failed), K the previous.
    await user.keyboard('j');
    expect(
      within(drawer(BAD_CREDENTIALS_TARTAN)).getByRole('heading', { level: 2, name: /2 of 3/ }),
    ).toHaveFocus();
    await user.keyboard('j');
    expect(drawer(DOWN_TARTAN)).toBeInTheDocument();
    // The last row: J does nothing more.
    await user.keyboard('j');
    expect(drawer(DOWN_TARTAN)).toBeInTheDocument();
    await user.keyboard('k');
    expect(drawer(BAD_CREDENTIALS_TARTAN)).toBeInTheDocument();

    // From the table: focus follows the row, the drawer shows it.
    screen.getByRole('button', { name: `Show details for ${BAD_CREDENTIALS_TARTAN}` }).focus();
    await user.keyboard('k');
    expect(screen.getByRole('button', { name: `Show details for ${DOWN_HOUNDSTOOTH}` })).toHaveFocus();
    expect(drawer(DOWN_HOUNDSTOOTH)).toBeInTheDocument();
    expect(rowOf(DOWN_HOUNDSTOOTH)).toHaveAttribute('aria-current', 'true');

    // Escape closes the drawer, and focus goes back to the row.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: /^Details for/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: `Show details for ${DOWN_HOUNDSTOOTH}` })).toHaveFocus();
  });

  it('leaves J and K to the text filter while typing there', async () => {
    const user = await runAll();
    await user.click(screen.getByRole('button', { name: `Show details for ${DOWN_HOUNDSTOOTH}` }));
    await user.click(screen.getByLabelText('Filter rows'));
    await user.keyboard('jk');
    expect(screen.getByLabelText('Filter rows')).toHaveValue('jk');
    expect(drawer(DOWN_HOUNDSTOOTH)).toBeInTheDocument();
  });

  it('has Previous and Next buttons, disabled at either end', async () => {
    const user = await runAll();
    await user.click(screen.getByRole('button', { name: `Show details for ${DOWN_HOUNDSTOOTH}` }));
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(drawer(BAD_CREDENTIALS_TARTAN)).toBeInTheDocument();
    // Focus stays on the button, so it can be pressed again; the change is announced.
    expect(screen.getByRole('button', { name: 'Next' })).toHaveFocus();
    expect(
      within(drawer(BAD_CREDENTIALS_TARTAN)).getByText('Row 2 of 6: Failed, link-sandbox-00000002…0000'),
    ).toHaveAttribute('role', 'status');

    await user.click(screen.getByRole('button', { name: 'Close details' }));
    await user.click(screen.getByRole('button', { name: `Show details for ${LINKED_HOUNDSTOOTH}` }));
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  it('shows a failed lookup’s error panel, and copies the full token', async () => {
    const user = await runAll();
    await user.click(screen.getByRole('button', { name: `Show details for ${UNKNOWN}` }));
    const details = drawer(UNKNOWN);
    expect(details).toHaveTextContent('Lookup failed INVALID_LINK_TOKEN');
    expect(details).toHaveTextContent('Who acts nextThe person looking up the token');
    expect(
      within(details).getByRole('heading', { name: /^Plaid does not know this link token/ }),
    ).toBeVisible();

    await user.click(within(details).getByRole('button', { name: `Copy ${UNKNOWN}` }));
    expect(await navigator.clipboard.readText()).toBe(UNKNOWN);
  });
});

describe('exports and the ticket summary', () => {
  let blobs: Blob[];
  beforeEach(() => {
    blobs = catchDownloads();
  });

  it('exports the rows shown, with verdict, who acts next, error code, institution and step, and no credentials', async () => {
    const user = renderBatch();
    await user.type(await screen.findByLabelText('Client ID'), 'my-client');
    await user.type(screen.getByLabelText('Secret'), 'my-secret');
    await pasteAndRun(user, ALL.join('\n'));
    await screen.findByText(/^Done:/);
    await user.click(screen.getByRole('button', { name: 'Tartan Bank 2' }));

    await user.click(screen.getByRole('button', { name: 'Export CSV (2 rows)' }));
    await user.click(screen.getByRole('button', { name: 'Export JSON (2 rows)' }));

    const [csv = '', json = ''] = await Promise.all(blobs.map((blob) => blob.text()));
    expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(
      /^link_token,environment,verdict,summary,who_acts_next,next_step,error_code,lookup_error_code,exit_status,institution,institution_id,step_reached,/,
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      new RegExp(
        `^${BAD_CREDENTIALS_TARTAN},sandbox,Failed,.*,The end user,.*,INVALID_CREDENTIALS,,requires_credentials,Tartan Bank,ins_109511,Bank credentials,`,
      ),
    );
    const exported = JSON.parse(json);
    expect(exported.tokens.map((entry: { link_token: string }) => entry.link_token)).toEqual([
      BAD_CREDENTIALS_TARTAN,
      DOWN_TARTAN,
    ]);
    expect(exported.tokens[1]).toMatchObject({
      verdict: 'Failed',
      who_acts_next: 'Wait for the bank',
      error_code: 'INSTITUTION_DOWN',
      institution: 'Tartan Bank',
      step_reached: 'Bank credentials',
      response: { link_token: DOWN_TARTAN },
    });
    expect(csv + json).not.toMatch(/my-secret|my-client/);
  });

  it('copies a Markdown summary of the whole batch for a ticket', async () => {
    const user = await runAll();
    await user.click(screen.getByRole('button', { name: /^Copy summary for a ticket/ }));

    await waitFor(() =>
      expect(screen.getByRole('button', { name: /^Copy summary for a ticket/ })).toHaveTextContent('Copied'),
    );
    const summary = await navigator.clipboard.readText();
    expect(summary).toMatch(/^### Link token batch: 6 tokens\n/);
    expect(summary).toContain(
      '### Verdicts\n- **Failed:** 3 (50%)\n- **Lookup failed:** 2 (33%)\n- **Linked:** 1 (17%)',
    );
    expect(summary).toContain('### Top error codes\n- **INSTITUTION\\_DOWN:** 2\n');
    expect(summary).toContain('### Top institutions\n- **Houndstooth Bank:** 2\n- **Tartan Bank:** 2');
  });

  it('summarises only the rows shown when a filter is on, and says which filter', async () => {
    const user = await runAll();
    await user.click(screen.getByRole('button', { name: 'INSTITUTION_DOWN 2' }));
    await user.type(screen.getByLabelText('Filter rows'), 'tartan');
    await user.click(screen.getByRole('button', { name: /^Copy summary for a ticket/ }));

    await waitFor(() =>
      expect(screen.getByRole('button', { name: /^Copy summary for a ticket/ })).toHaveTextContent('Copied'),
    );
    const summary = await navigator.clipboard.readText();
    expect(summary).toMatch(
      /^### Link token batch: 1 of 6 tokens, filtered\n- \*\*Filter:\*\* Error code: INSTITUTION\\_DOWN; text "tartan"\n/,
    );
    expect(summary).toContain('### Verdicts\n- **Failed:** 1 (100%)\n\n');
    expect(summary).toContain('### Top institutions\n- **Tartan Bank:** 1');
    expect(summary).not.toContain('Houndstooth');
  });
});
