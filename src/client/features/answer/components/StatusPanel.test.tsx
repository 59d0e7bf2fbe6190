import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimeZoneProvider } from '../../../components/time-zone';
import { StatusPanel } from './StatusPanel';
import { invalidCredentials, makeEvent, makeResponse, makeSession } from '../../../../shared/test/fixtures';
import { makeResult, specExampleResult } from '../../../test/lookup-results';

function field(label: string): HTMLElement {
  // Each label/value pair is a <div><dt/><dd/></div> in a <dl>.
  const term = screen.getAllByText(label, { selector: 'dt' })[0]!;
  return term.nextElementSibling as HTMLElement;
}

afterEach(() => {
  vi.useRealTimers();
});

// A token whose one session failed: the user typed a wrong password at Tartan Bank.
const failedSession = makeSession({
  link_session_id: 'failed-1',
  started_at: '2026-11-25T10:01:00Z',
  finished_at: '2026-11-25T10:03:00Z',
  events: [
    makeEvent({ event_name: 'OPEN', timestamp: '2026-11-25T10:01:00Z' }),
    makeEvent({
      event_name: 'SELECT_INSTITUTION',
      timestamp: '2026-11-25T10:01:20Z',
      event_metadata: { institution_name: 'Tartan Bank', institution_id: 'ins_109511' },
    }),
    makeEvent({
      event_name: 'TRANSITION_VIEW',
      timestamp: '2026-11-25T10:01:25Z',
      event_metadata: { view_name: 'CREDENTIAL' },
    }),
    makeEvent({ event_name: 'SUBMIT_CREDENTIALS', timestamp: '2026-11-25T10:02:00Z' }),
    makeEvent({
      event_name: 'ERROR',
      timestamp: '2026-11-25T10:02:05Z',
      event_metadata: { error_code: 'INVALID_CREDENTIALS' },
    }),
    makeEvent({ event_name: 'EXIT', timestamp: '2026-11-25T10:03:00Z' }),
  ],
  exit: {
    error: invalidCredentials,
    metadata: {
      institution: { name: 'Tartan Bank', institution_id: 'ins_109511' },
      status: 'requires_credentials',
    },
  },
});
const ANSWERED_AT = Date.parse('2026-11-25T10:30:00Z');

function verdict() {
  return within(screen.getByRole('region', { name: 'Verdict' }));
}

function verdictField(label: string): HTMLElement {
  return verdict().getByText(label, { selector: 'dt' }).nextElementSibling as HTMLElement;
}

describe('StatusPanel verdict', () => {
  it('comes first: right under the heading, the outcome, what the user saw, who acts next and the next step', () => {
    render(
      <StatusPanel
        result={makeResult(makeResponse({ link_sessions: [failedSession] }))}
        answeredAt={ANSWERED_AT}
      />,
    );
    const heading = screen.getByRole('heading', { level: 2, name: 'Link token details' });
    expect(heading.nextElementSibling).toBe(screen.getByRole('region', { name: 'Verdict' }));
    expect(verdict().getByText('Failed')).toBeInTheDocument();
    expect(
      verdict().getByText(
        'Link failed at Tartan Bank with INVALID_CREDENTIALS (exit status requires_credentials).',
      ),
    ).toBeInTheDocument();
    expect(verdictField('What the end user saw')).toHaveTextContent(invalidCredentials.display_message);
    expect(verdictField('Who acts next')).toHaveTextContent('The end user');
    expect(verdictField('Next step')).toHaveTextContent(
      /^The user tries again with the username and password/,
    );
    expect(verdict().getByRole('link', { name: /Plaid’s docs for INVALID_CREDENTIALS/ })).toHaveAttribute(
      'href',
      'https://plaid.com/docs/errors/item/#invalid_credentials',
    );
    // As of when the answer arrived, in the chosen time zone.
    expect(
      verdict()
        .getByText(/^as of/)
        .querySelector('time'),
    ).toHaveAttribute('dateTime', '2026-11-25T10:30:00.000Z');
  });

  it('keeps the token’s Active or Expired out of the verdict: it is “Token validity” in the details', () => {
    render(
      <StatusPanel
        result={makeResult(makeResponse({ link_sessions: [failedSession] }))}
        answeredAt={ANSWERED_AT}
      />,
    );
    expect(screen.getByRole('region', { name: 'Verdict' })).not.toHaveTextContent(/Active|Expired/);
    const details = within(screen.getByRole('region', { name: 'Details' }));
    const validity = details.getByText('Token validity', { selector: 'dt' }).nextElementSibling;
    expect(validity).toHaveTextContent(/^(Active|Expired)$/);
    expect(details.getByText('Link sessions', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      '1 (1 failed)',
    );
  });

  it('says what the other sessions add: an earlier failure under a success', () => {
    const linked = makeSession({
      link_session_id: 'linked-2',
      started_at: '2026-11-25T10:10:00Z',
      finished_at: '2026-11-25T10:12:00Z',
      on_success: {
        public_token: 'public-sandbox-1',
        metadata: { institution: { name: 'First Platypus Bank', institution_id: 'ins_109508' } },
      },
    });
    render(
      <StatusPanel
        result={makeResult(makeResponse({ link_sessions: [failedSession, linked] }))}
        answeredAt={ANSWERED_AT}
      />,
    );
    expect(verdict().getByText('Linked')).toBeInTheDocument();
    expect(verdict().getByRole('list', { name: 'Also' })).toHaveTextContent(
      /^Why the earlier attempt failed: The bank rejected the username or password\.$/,
    );
  });

  it('lists the findings most severe first, each with its field and value as evidence and a docs link', () => {
    const data = makeResponse({
      // A 30-minute token (update mode), with a webhook on localhost over plain http.
      created_at: '2026-11-25T10:00:00Z',
      expiration: '2026-11-25T10:30:00Z',
      metadata: { ...makeResponse().metadata, webhook: 'http://localhost:3000/hook' },
    });
    render(<StatusPanel result={makeResult(data)} answeredAt={ANSWERED_AT} />);
    const findings = screen.getByRole('region', { name: 'Findings (3)' });
    const items = within(findings).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('span')!.textContent)).toEqual([
      'Problem',
      'Warning',
      'Note',
    ]);
    expect(items[0]).toHaveTextContent(/^Problem Plaid cannot reach the webhook: localhost/);
    expect(items[0]).toHaveTextContent('webhook: http://localhost:3000/hook');
    expect(items[1]).toHaveTextContent('The webhook uses plain http');
    expect(items[2]).toHaveTextContent('expiration: 30 min');
    expect(within(items[0]!).getByRole('link', { name: /Plaid’s docs/ })).toHaveAttribute(
      'href',
      'https://plaid.com/docs/api/webhooks/',
    );
  });

  it('says when there is nothing to find', () => {
    render(<StatusPanel result={makeResult(makeResponse())} answeredAt={ANSWERED_AT} />);
    expect(screen.getByRole('region', { name: 'Findings (0)' })).toHaveTextContent(
      'Nothing in the token’s configuration or its sessions calls for attention.',
    );
  });
});

describe('StatusPanel summary', () => {
  it('shows an active token with a countdown that ticks', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-25T12:00:00Z'));
    render(<StatusPanel result={makeResult(makeResponse({ expiration: '2026-11-25T14:00:00Z' }))} />);
    const details = screen.getByRole('region', { name: 'Details' });
    expect(within(details).getByText('Active')).toBeInTheDocument();
    const summary = details;
    expect(within(summary).getByRole('timer')).toHaveTextContent(/^2 h$/);
    act(() => vi.advanceTimersByTime(1000));
    expect(within(summary).getByRole('timer')).toHaveTextContent(/^1 h 59 min 59 s$/);
  });

  it('shows an expired token with how long ago it expired', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-25T16:05:00Z'));
    render(<StatusPanel result={makeResult(makeResponse({ expiration: '2026-11-25T14:00:00Z' }))} />);
    expect(screen.getByText('Expired')).toBeInTheDocument();
    expect(screen.getByRole('timer')).toHaveTextContent('expired 2 h 5 min ago');
  });

  it('says when Plaid gives no expiration, and then no lifetime', () => {
    render(<StatusPanel result={makeResult(makeResponse({ expiration: null, created_at: null }))} />);
    expect(screen.getByText('Unknown expiry')).toBeInTheDocument();
    expect(field('Created')).toHaveTextContent('not given by Plaid');
    expect(screen.queryByText('Lifetime', { selector: 'dt' })).not.toBeInTheDocument();
  });

  it('names the token’s lifetime and what it says about how the token was made', () => {
    const { unmount } = render(<StatusPanel result={makeResult(makeResponse())} />);
    expect(field('Lifetime')).toHaveTextContent('4 h · Plaid’s default for linking a new Item');
    unmount();
    render(
      <StatusPanel
        result={makeResult(
          makeResponse({ created_at: '2026-11-25T10:00:00Z', expiration: '2026-11-25T10:30:00Z' }),
        )}
      />,
    );
    expect(field('Lifetime')).toHaveTextContent(
      '30 min · Plaid’s default for update mode (an existing Item) or a Hosted Link URL',
    );
  });

  it('shows environment, client name, request ID with copy, and the Server-Timing timings', async () => {
    const user = userEvent.setup();
    render(<StatusPanel result={makeResult(makeResponse(), { upstreamMs: 412.4, proxyMs: 3.1 })} />);
    expect(field('Environment')).toHaveTextContent('sandbox');
    expect(field('Client name')).toHaveTextContent('Acme Budget');
    expect(field('Timings')).toHaveTextContent('Plaid 412 ms · proxy 3 ms');
    expect(field('Request ID')).toHaveTextContent('req-abc123');
    await user.click(screen.getByRole('button', { name: 'Copy request ID' }));
    expect(await navigator.clipboard.readText()).toBe('req-abc123');
    expect(screen.getByText('Copied to the clipboard')).toBeInTheDocument();
  });

  it('copies a plain-text summary for a support ticket, with a visible name', async () => {
    const user = userEvent.setup();
    render(<StatusPanel result={makeResult(makeResponse())} answeredAt={ANSWERED_AT} />);
    // In the verdict, beside what it copies.
    const button = verdict().getByRole('button', {
      name: 'Copy for a ticket: a plain-text summary of this lookup',
    });
    expect(button).toHaveTextContent('Copy for a ticket');
    await user.click(button);
    // The ticket text loads on the first copy; read the clipboard once the button says it copied.
    await waitFor(() => expect(button).toHaveTextContent('Copied'));
    const copied = await navigator.clipboard.readText();
    // The verdict and the next step come first; the IDs Plaid support asks for follow.
    expect(copied).toMatch(/^Verdict: Never opened\. /);
    expect(copied).toMatch(/\nWho acts next: .+\nNext step: /);
    expect(copied).toContain('\nLink token: link-sandbox-0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5\n');
    expect(copied).toContain('\nRequest ID (/link/token/get): req-abc123\n');
    // As of the answer on screen, not of the moment of copying.
    expect(copied).toContain('\nLooked up: 25 Nov 2026, 10:30:00 UTC\n');
    expect(button).toHaveTextContent('Copied');
  });

  it('leaves out timings when the server sent none', () => {
    render(<StatusPanel result={makeResult(makeResponse(), null)} />);
    expect(screen.queryByText('Timings')).not.toBeInTheDocument();
  });

  it('switches every time between local time and UTC, the other one on hover', async () => {
    const user = userEvent.setup();
    // The choice is the app's (the batch table and recent lookups follow it too).
    render(<StatusPanel result={makeResult(makeResponse({ created_at: '2026-11-25T10:00:00Z' }))} />, {
      wrapper: TimeZoneProvider,
    });
    const created = field('Created').querySelector('time')!;
    expect(created).toHaveAttribute('title', '25 Nov 2026, 10:00:00 UTC');
    await user.click(screen.getByRole('button', { name: 'UTC' }));
    expect(screen.getByRole('button', { name: 'UTC' })).toHaveAttribute('aria-pressed', 'true');
    expect(field('Created')).toHaveTextContent('25 Nov 2026, 10:00:00 UTC');
    expect(field('Created').querySelector('time')!.getAttribute('title')).toMatch(/\(GMT/);
  });

  it('shows top-level fields the UI does not know instead of dropping them', () => {
    const data = makeResponse({ ...{ hosted_link_url: 'https://hosted.plaid.com/abc' } });
    render(<StatusPanel result={makeResult(data)} />);
    const details = screen.getByRole('region', { name: 'Details' });
    expect(within(details).getByText('hosted_link_url')).toBeInTheDocument();
    expect(within(details).getByText('https://hosted.plaid.com/abc')).toBeInTheDocument();
  });

  it('renders Plaid’s own example answer: expired, one succeeded session, events in time order', () => {
    render(<StatusPanel result={specExampleResult()} />);
    expect(screen.getByText('Expired')).toBeInTheDocument();
    expect(field('Request ID')).toHaveTextContent('Pxpgzy0Wjvn99mY');
    expect(field('User ID')).toHaveTextContent('usr_123456abcdef');
    const session = screen.getByRole('article');
    expect(within(session).getByText('Linked')).toBeInTheDocument();
    const names = within(session)
      .getAllByRole('button', { name: /^Details of / })
      .map((button) => button.getAttribute('aria-label')!.replace(/^Details of (\S+) event$/, '$1'));
    // Plaid lists the events newest first; the timeline starts at the beginning.
    expect(names[0]).toBe('TRANSITION_VIEW');
    expect(names.at(-1)).toBe('HANDOFF');
    expect(names).toHaveLength(17);
  });
});

describe('StatusPanel raw JSON', () => {
  it('shows the answer exactly as received on demand, and copies it', async () => {
    const user = userEvent.setup();
    const data = makeResponse();
    const raw = { ...data, field_only_in_raw: 42 };
    render(<StatusPanel result={{ data, raw, size: JSON.stringify(raw).length, timing: null }} />);
    const toggle = screen.getByRole('button', { name: 'Show raw JSON' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(screen.getByLabelText('Raw JSON answer')).toHaveTextContent('"field_only_in_raw": 42');
    await user.click(screen.getByRole('button', { name: 'Copy raw JSON' }));
    expect(JSON.parse(await navigator.clipboard.readText())).toEqual(raw);
  });
});
