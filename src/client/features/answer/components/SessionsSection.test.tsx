import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LinkSession } from '../../../../shared/schemas/link-token-get-response';
import {
  emptyResults,
  invalidCredentials,
  makeEvent,
  makeResponse,
  makeSession,
} from '../../../../shared/test/fixtures';
import { diagnose } from '../../../../shared/diagnosis';
import { VIRTUALIZE_FROM } from './EventTimeline';
import { NO_SESSIONS_MESSAGE } from '../../../../shared/domain/session-outcome';
import { SESSIONS_PAGE, SessionsSection } from './SessionsSection';

// The sessions as the status panel shows them: through the schema, with their diagnosis as of
// `now` (by default, shortly after the fixtures' sessions).
function renderSessions(
  sessions: LinkSession[] | undefined,
  newEventIds?: ReadonlySet<string>,
  now = Date.parse('2026-11-25T10:10:00Z'),
) {
  const data = makeResponse({ link_sessions: sessions });
  const diagnosis = diagnose(data, now);
  return render(
    <SessionsSection
      sessions={data.link_sessions}
      diagnoses={diagnosis.sessions}
      verdictSessionId={diagnosis.linkSessionId}
      newEventIds={newEventIds}
    />,
  );
}

function overviewRows() {
  return within(screen.getByRole('list', { name: 'Sessions at a glance' })).getAllByRole('listitem');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('SessionsSection', () => {
  it('explains what having no sessions means', () => {
    renderSessions(undefined);
    expect(screen.getByText(NO_SESSIONS_MESSAGE)).toBeInTheDocument();
    expect(NO_SESSIONS_MESSAGE).toMatch(/never opened.*six hours/);
  });

  it('shows one card per session, newest first, each with its verdict word', () => {
    renderSessions(
      [
        makeSession({
          link_session_id: 'a',
          started_at: '2026-11-25T09:00:00Z',
          exit: { error: invalidCredentials, metadata: null },
        }),
        makeSession({ link_session_id: 'b', started_at: '2026-11-25T11:00:00Z', finished_at: null }),
        makeSession({
          link_session_id: 'c',
          started_at: '2026-11-25T10:00:00Z',
          on_success: { public_token: 'public-sandbox-1', metadata: null },
        }),
        makeSession({ link_session_id: 'd', started_at: '2026-11-25T08:00:00Z', results: emptyResults }),
      ],
      undefined,
      // Ten minutes after the newest session started: it is still in progress.
      Date.parse('2026-11-25T11:10:00Z'),
    );
    const cards = screen.getAllByRole('article');
    const outcomes = ['In progress', 'Linked', 'Failed', 'Abandoned'];
    expect(cards).toHaveLength(outcomes.length);
    cards.forEach((card, index) =>
      expect(within(card).getByRole('heading', { level: 4 })).toHaveTextContent(outcomes[index]!),
    );
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('Link sessions (4)');
  });

  it('shows start, finish, duration and institution of a session', () => {
    renderSessions([
      makeSession({
        started_at: '2026-11-25T10:00:00Z',
        finished_at: '2026-11-25T10:03:30Z',
        exit: {
          error: null,
          metadata: {
            institution: { name: 'First Platypus Bank', institution_id: 'ins_109508' },
            status: 'requires_credentials',
          },
        },
      }),
    ]);
    const card = screen.getByRole('article');
    const value = (label: string) =>
      within(card).getAllByText(label, { selector: 'dt' })[0]!.nextElementSibling!;
    expect(value('Started').querySelector('time')).toHaveAttribute('title', '25 Nov 2026, 10:00:00 UTC');
    expect(value('Finished').querySelector('time')).toHaveAttribute('title', '25 Nov 2026, 10:03:30 UTC');
    expect(value('Duration')).toHaveTextContent('3 min 30 s');
    expect(value('Institution')).toHaveTextContent('First Platypus Bank (ins_109508)');
    expect(value('Exit status')).toHaveTextContent('requires_credentials');
    expect(within(card).getByText('The user left Link without an error.')).toBeInTheDocument();
    expect(within(card).queryByRole('heading', { name: 'Results' })).not.toBeInTheDocument();
  });

  it('lists the events in time order, in plain words, with the full event on demand', async () => {
    const user = userEvent.setup();
    renderSessions([
      makeSession({
        events: [
          makeEvent({
            event_name: 'EXIT',
            timestamp: '2026-11-25T10:00:09Z',
            event_metadata: { exit_status: 'institution_not_found' },
          }),
          makeEvent({
            event_name: 'ERROR',
            timestamp: '2026-11-25T10:00:05Z',
            event_metadata: {
              error_type: 'ITEM_ERROR',
              error_code: 'INVALID_CREDENTIALS',
              error_message: 'bad password',
              institution_name: 'Chase',
              request_id: 'evt-req-9',
            },
          }),
          makeEvent({
            event_name: 'TRANSITION_VIEW',
            timestamp: '2026-11-25T10:00:01Z',
            event_metadata: { view_name: 'CREDENTIAL' },
          }),
          makeEvent({
            event_name: 'BRAND_NEW_EVENT',
            timestamp: '2026-11-25T10:00:00Z',
            event_metadata: { shiny: 'yes' },
          }),
        ],
      }),
    ]);
    const items = within(screen.getByRole('list', { name: 'Events' })).getAllByRole('listitem');
    const headlines = [
      'BRAND_NEW_EVENT',
      'Moved to view CREDENTIAL',
      'Error INVALID_CREDENTIALS',
      'Exited Link at institution_not_found',
    ];
    expect(items).toHaveLength(headlines.length);
    headlines.forEach((headline, index) => expect(items[index]).toHaveTextContent(headline));
    expect(items[1]).toHaveTextContent('+1 s');
    // The row shows the time of day (the date is in the card's heading), the full date on hover,
    // and does not repeat the view its headline already names.
    expect(items[1]!.querySelector('time')).toHaveTextContent(/^\d\d:\d\d:\d\d$/);
    expect(items[1]!.querySelector('time')!.title).toContain('25 Nov 2026, 10:00:01 UTC');
    expect(within(items[1]!).queryByText('view CREDENTIAL')).not.toBeInTheDocument();
    expect(items[2]).toHaveTextContent('institution Chase');
    expect(items[2]).toHaveTextContent('error ITEM_ERROR / INVALID_CREDENTIALS: bad password');

    const details = within(items[0]!).getByRole('button', { name: 'Details of BRAND_NEW_EVENT event' });
    expect(within(items[0]!).queryByText('shiny')).not.toBeInTheDocument();
    await user.click(details);
    expect(details).toHaveAttribute('aria-expanded', 'true');
    expect(within(items[0]!).getByText('shiny')).toBeVisible();
    expect(within(items[0]!).getByText('event_metadata')).toBeVisible();
  });

  it('highlights events that are new since the last lookup, with a text label', () => {
    const events = [
      makeEvent({ event_id: 'old', event_name: 'OPEN', timestamp: '2026-11-25T10:00:00Z' }),
      makeEvent({ event_id: 'fresh', event_name: 'SELECT_INSTITUTION', timestamp: '2026-11-25T10:00:03Z' }),
    ];
    renderSessions([makeSession({ finished_at: null, events })], new Set(['fresh']));
    const rows = within(screen.getByRole('list', { name: 'Events' })).getAllByRole('listitem');
    expect(within(rows[0]!).queryByText('New')).not.toBeInTheDocument();
    expect(within(rows[1]!).getByText('New')).toBeInTheDocument();
    expect(screen.getByRole('article')).toHaveTextContent('1 new');
  });

  it('shows the exit error with its fields and a link to Plaid’s docs for the code', () => {
    renderSessions([
      makeSession({ exit: { error: invalidCredentials, metadata: { request_id: 'exit-meta-req' } } }),
    ]);
    const card = screen.getByRole('article');
    expect(within(card).getByRole('heading', { name: 'Exit error' })).toBeInTheDocument();
    expect(within(card).getByText('INVALID_CREDENTIALS')).toBeInTheDocument();
    expect(within(card).getByText(invalidCredentials.display_message)).toBeInTheDocument();
    expect(within(card).getByText('exit-req-1')).toBeInTheDocument();
    expect(within(card).getByText('exit-meta-req')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: /Plaid’s docs for INVALID_CREDENTIALS/ })).toHaveAttribute(
      'href',
      'https://plaid.com/docs/errors/item/#invalid_credentials',
    );
  });

  it('says in words what the exit error and the exit status mean', () => {
    renderSessions([
      makeSession({ exit: { error: invalidCredentials, metadata: { status: 'requires_credentials' } } }),
    ]);
    const card = screen.getByRole('article');
    expect(within(card).getByText(/^The bank rejected the username or password\.$/)).toBeInTheDocument();
    expect(within(card).getByText('requires_credentials').parentElement).toHaveTextContent(
      'requires_credentials · left when asked for bank credentials, or before choosing a bank',
    );
  });

  it('shows an exit status or error code it has no words for as Plaid sent it', () => {
    const newError = { ...invalidCredentials, error_code: 'SOME_NEW_CODE' };
    renderSessions([makeSession({ exit: { error: newError, metadata: { status: 'some_new_status' } } })]);
    const card = screen.getByRole('article');
    expect(within(card).getByText('SOME_NEW_CODE')).toBeInTheDocument();
    expect(within(card).getByText('some_new_status').parentElement).toHaveTextContent(/^some_new_status$/);
    expect(within(card).queryByText(/The bank rejected/)).not.toBeInTheDocument();
  });

  it('says when a session produced no results', () => {
    renderSessions([makeSession({ results: emptyResults })]);
    expect(screen.getByRole('heading', { name: 'Results' })).toBeInTheDocument();
    expect(screen.getByText(/None: the session added no Item/)).toBeInTheDocument();
  });

  it('shows the deprecated on_exit only when exit is absent', () => {
    renderSessions([
      makeSession({
        link_session_id: 'old-style',
        started_at: '2026-11-25T10:00:00Z',
        on_exit: { error: invalidCredentials, metadata: null },
      }),
      makeSession({
        link_session_id: 'both',
        started_at: '2026-11-25T09:00:00Z',
        exit: { error: null, metadata: null },
        on_exit: { error: { ...invalidCredentials, error_code: 'SHOULD_NOT_SHOW' }, metadata: null },
      }),
    ]);
    const [oldStyle, both] = screen.getAllByRole('article');
    expect(within(oldStyle!).getByText(/deprecated on_exit/)).toBeInTheDocument();
    expect(within(oldStyle!).getByText('INVALID_CREDENTIALS')).toBeInTheDocument();
    expect(within(both!).queryByText('SHOULD_NOT_SHOW')).not.toBeInTheDocument();
  });

  it('shows every kind of result: items with accounts, CRA, income, document uploads', () => {
    const institution = { name: 'First Platypus Bank', institution_id: 'ins_109508' };
    const account = {
      id: 'acc-1',
      name: 'Plaid Checking',
      mask: '0000',
      type: 'depository',
      subtype: 'checking',
      verification_status: null,
      class_type: null,
    };
    renderSessions([
      makeSession({
        results: {
          item_add_results: [{ public_token: 'public-sandbox-item', accounts: [account], institution }],
          cra_item_add_results: [{ item_id: 'cra-item-1', accounts: [], institution }],
          cra_update_results: [{ item_id: 'cra-item-2', accounts: [], institution: null }],
          bank_income_results: [{ status: 'APPROVED', item_id: 'bank-item', institution }],
          payroll_income_results: [{ num_paystubs_retrieved: 2, num_w2s_retrieved: 1, institution }],
          document_income_results: {
            num_paystubs_uploaded: 3,
            num_w2s_uploaded: 0,
            num_bank_statements_uploaded: 1,
            num_1099s_uploaded: 0,
          },
          cra_document_upload_results: { num_bank_statements_uploaded: 4 },
          ...{ future_results: [{ anything: 'kept' }] },
        },
      }),
    ]);
    const card = screen.getByRole('article');
    expect(within(card).getByRole('heading', { name: 'Items added (1)' })).toBeInTheDocument();
    expect(within(card).getByText('public-sandbox-item')).toBeInTheDocument();
    const accountItem = within(card).getByText('Plaid Checking').closest('li')!;
    expect(accountItem).toHaveTextContent('Plaid Checking ••0000 — depository / checking');
    expect(
      within(card).getByRole('heading', { name: 'Consumer Report Items added (1)' }),
    ).toBeInTheDocument();
    expect(within(card).getByText('cra-item-1')).toBeInTheDocument();
    expect(
      within(card).getByRole('heading', { name: 'Consumer Report Items updated (1)' }),
    ).toBeInTheDocument();
    expect(within(card).getByText('APPROVED')).toBeInTheDocument();
    expect(card).toHaveTextContent('2 paystubs, 1 W-2s retrieved');
    expect(card).toHaveTextContent('Uploaded: 3 paystubs, 0 W-2s, 1 bank statements, 0 1099s');
    expect(card).toHaveTextContent('Uploaded: 4 bank statements');
    expect(within(card).getByText('future_results')).toBeInTheDocument();
    expect(within(card).getByText('kept')).toBeInTheDocument();
  });

  it('shows the onSuccess metadata and any fields the UI does not know on a session', () => {
    renderSessions([
      makeSession({
        on_success: {
          public_token: 'public-sandbox-success',
          metadata: {
            institution: { name: 'Tartan Bank', institution_id: 'ins_3' },
            accounts: [{ id: 'a', name: 'Savings', mask: '1111', type: 'depository', subtype: 'savings' }],
            transfer_status: null,
          },
        },
        ...{ session_channel: 'hosted_link' },
      }),
    ]);
    const card = screen.getByRole('article');
    expect(within(card).getByRole('heading', { name: 'onSuccess' })).toBeInTheDocument();
    expect(within(card).getByText('public-sandbox-success')).toBeInTheDocument();
    expect(within(card).getByText('Savings').closest('li')).toHaveTextContent('••1111');
    expect(within(card).getByText('session_channel')).toBeInTheDocument();
    expect(within(card).getByText('hosted_link')).toBeInTheDocument();
  });

  it('opens the session the verdict is about and folds the others, which open from the keyboard', async () => {
    const user = userEvent.setup();
    renderSessions([
      makeSession({
        link_session_id: 'abandoned-newest',
        started_at: '2026-11-25T10:05:00Z',
        results: emptyResults,
      }),
      // Older, but a failure outweighs a later attempt left unfinished: the verdict is about it.
      makeSession({
        link_session_id: 'failed-older',
        started_at: '2026-11-25T10:00:00Z',
        exit: { error: invalidCredentials, metadata: null },
      }),
    ]);
    const [abandoned, failed] = screen.getAllByRole('article');
    const toggleOf = (card: HTMLElement) => within(card).getByRole('button', { name: /^(Failed|Abandoned)/ });
    expect(toggleOf(failed!)).toHaveAttribute('aria-expanded', 'true');
    expect(toggleOf(abandoned!)).toHaveAttribute('aria-expanded', 'false');
    toggleOf(abandoned!).focus();
    await user.keyboard('{Enter}');
    expect(toggleOf(abandoned!)).toHaveAttribute('aria-expanded', 'true');
  });

  it('sums up each session in one row above the cards: outcome, institution, error code, exit status, step reached, time', () => {
    renderSessions([
      makeSession({
        link_session_id: 'failed',
        started_at: '2026-11-25T10:05:00Z',
        finished_at: '2026-11-25T10:06:30Z',
        exit: {
          error: invalidCredentials,
          metadata: {
            institution: { name: 'Tartan Bank', institution_id: 'ins_109511' },
            status: 'requires_credentials',
          },
        },
        events: [
          makeEvent({ event_name: 'OPEN', timestamp: '2026-11-25T10:05:00Z' }),
          makeEvent({ event_name: 'SUBMIT_CREDENTIALS', timestamp: '2026-11-25T10:06:00Z' }),
          makeEvent({ event_name: 'EXIT', timestamp: '2026-11-25T10:06:30Z' }),
        ],
      }),
      makeSession({ link_session_id: 'bare', started_at: '2026-11-25T10:00:00Z', results: emptyResults }),
    ]);
    const [failed, bare] = overviewRows();
    expect(within(failed!).getByText('Failed')).toBeInTheDocument();
    expect(failed).toHaveTextContent('Tartan Bank');
    expect(within(failed!).getByText('INVALID_CREDENTIALS')).toBeInTheDocument();
    expect(failed).toHaveTextContent('exit status requires_credentials');
    expect(failed).toHaveTextContent('reached Bank credentials');
    expect(failed!.querySelector('time')).toHaveAttribute('dateTime', '2026-11-25T10:05:00Z');
    expect(failed).toHaveTextContent('· 1 min 30 s');
    expect(failed).toHaveTextContent('the verdict’s session');
    expect(within(bare!).getByText('Abandoned')).toBeInTheDocument();
    expect(bare).toHaveTextContent('no bank chosen');
    expect(bare).not.toHaveTextContent('the verdict’s session');
  });

  it('opens a session’s card from its row and moves focus to it', async () => {
    const user = userEvent.setup();
    renderSessions([
      makeSession({
        link_session_id: 'newest',
        started_at: '2026-11-25T10:05:00Z',
        exit: { error: invalidCredentials, metadata: null },
      }),
      makeSession({ link_session_id: 'older', started_at: '2026-11-25T10:00:00Z', results: emptyResults }),
    ]);
    const older = screen.getAllByRole('article')[1]!;
    const toggle = within(older).getByRole('heading', { level: 4 }).querySelector('button')!;
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(within(overviewRows()[1]!).getByRole('button', { name: 'Show session 2' }));
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveFocus();
  });

  it('shows each session’s steps with the time spent at each and where it stopped', () => {
    renderSessions([
      makeSession({
        started_at: '2026-11-25T10:00:00Z',
        finished_at: '2026-11-25T10:02:00Z',
        exit: { error: null, metadata: { status: 'requires_credentials' } },
        events: [
          makeEvent({ event_name: 'OPEN', timestamp: '2026-11-25T10:00:00Z' }),
          makeEvent({
            event_name: 'SEARCH_INSTITUTION',
            timestamp: '2026-11-25T10:00:04Z',
            event_metadata: { institution_search_query: 'quokka bank' },
          }),
          makeEvent({
            event_name: 'SELECT_INSTITUTION',
            timestamp: '2026-11-25T10:00:34Z',
            event_metadata: { institution_name: 'Tartan Bank' },
          }),
          makeEvent({
            event_name: 'TRANSITION_VIEW',
            timestamp: '2026-11-25T10:00:40Z',
            event_metadata: { view_name: 'CREDENTIAL' },
          }),
          makeEvent({
            event_name: 'EXIT',
            timestamp: '2026-11-25T10:02:00Z',
            event_metadata: { exit_status: 'requires_credentials' },
          }),
        ],
      }),
    ]);
    const steps = within(screen.getByRole('list', { name: 'Steps' })).getAllByRole('listitem');
    expect(steps.map((step) => step.textContent)).toEqual([
      'Opened Link4 s',
      'Bank search · searched for “quokka bank”30 s',
      'Bank chosen · Tartan Bank6 s',
      'Bank credentials ← stopped here1 min 20 s',
      'Exit · requires_credentials',
    ]);
  });

  it('shows the step a running session is at, and for how long so far', () => {
    renderSessions(
      [
        makeSession({
          started_at: '2026-11-25T10:00:00Z',
          finished_at: null,
          events: [
            makeEvent({ event_name: 'OPEN', timestamp: '2026-11-25T10:00:00Z' }),
            makeEvent({
              event_name: 'TRANSITION_VIEW',
              timestamp: '2026-11-25T10:00:10Z',
              event_metadata: { view_name: 'MFA' },
            }),
          ],
        }),
      ],
      undefined,
      Date.parse('2026-11-25T10:01:10Z'),
    );
    const steps = within(screen.getByRole('list', { name: 'Steps' })).getAllByRole('listitem');
    expect(steps.at(-1)).toHaveTextContent('Security check (MFA) ← the user is here1 min so far');
  });

  it('renders a page of cards at a time when there are hundreds of sessions', async () => {
    const user = userEvent.setup();
    const sessions = Array.from({ length: 250 }, (_, index) =>
      makeSession({
        link_session_id: `s${index}`,
        started_at: new Date(Date.UTC(2026, 10, 25, 0, index)).toISOString(),
      }),
    );
    renderSessions(sessions);
    expect(screen.getAllByRole('article')).toHaveLength(SESSIONS_PAGE);
    await user.click(
      screen.getByRole('button', {
        name: `Show ${SESSIONS_PAGE} more sessions (${250 - SESSIONS_PAGE} not shown)`,
      }),
    );
    expect(screen.getAllByRole('article')).toHaveLength(2 * SESSIONS_PAGE);
  });

  it('keeps only a window of a very long timeline in the DOM', async () => {
    // jsdom has no layout: give the scroll box the size the stylesheet gives it, and each row a height.
    vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
      return this.matches('[role="region"][aria-label^="Timeline of"]') ? 448 : 0;
    });
    vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(800);
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.hasAttribute('data-index') ? 56 : 0;
    });
    const count = VIRTUALIZE_FROM * 20;
    const events = Array.from({ length: count }, (_, index) =>
      makeEvent({
        event_id: `e${index}`,
        event_name: 'TRANSITION_VIEW',
        timestamp: new Date(Date.UTC(2026, 10, 25, 10, 0, index)).toISOString(),
      }),
    );
    renderSessions([makeSession({ events })]);
    // The virtual list is loaded on demand.
    const region = await screen.findByRole('region', { name: `Timeline of ${count} events (scrolls)` });
    const rendered = within(region).getAllByRole('listitem');
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(50);
    expect(rendered[0]).toHaveAttribute('aria-setsize', String(count));
  });
});
