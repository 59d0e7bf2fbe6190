import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimeZoneProvider } from '../time-zone';
import { StatusPanel } from './StatusPanel';
import { makeResponse } from '../../../shared/test/fixtures';
import { makeResult, specExampleResult } from '../../test/lookup-results';

function field(label: string): HTMLElement {
  // Each label/value pair is a <div><dt/><dd/></div> in a <dl>.
  const term = screen.getAllByText(label, { selector: 'dt' })[0]!;
  return term.nextElementSibling as HTMLElement;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('StatusPanel summary', () => {
  it('shows an active token with a countdown that ticks', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-25T12:00:00Z'));
    render(<StatusPanel result={makeResult(makeResponse({ expiration: '2026-11-25T14:00:00Z' }))} />);
    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(within(summary).getByText('Active')).toBeInTheDocument();
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
    render(<StatusPanel result={makeResult(makeResponse())} />);
    const button = screen.getByRole('button', {
      name: 'Copy for a ticket: a plain-text summary of this lookup',
    });
    expect(button).toHaveTextContent('Copy for a ticket');
    await user.click(button);
    // The ticket text loads on the first copy; read the clipboard once the button says it copied.
    await waitFor(() => expect(button).toHaveTextContent('Copied'));
    const copied = await navigator.clipboard.readText();
    // The verdict and the next step come first; the IDs Plaid support asks for follow.
    expect(copied).toMatch(/^Verdict: No session data\. /);
    expect(copied).toMatch(/\nWho acts next: .+\nNext step: /);
    expect(copied).toContain('\nLink token: link-sandbox-0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5\n');
    expect(copied).toContain('\nRequest ID (/link/token/get): req-abc123\n');
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
    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(within(summary).getByText('hosted_link_url')).toBeInTheDocument();
    expect(within(summary).getByText('https://hosted.plaid.com/abc')).toBeInTheDocument();
  });

  it('renders Plaid’s own example answer: expired, one succeeded session, events in time order', () => {
    render(<StatusPanel result={specExampleResult()} />);
    expect(screen.getByText('Expired')).toBeInTheDocument();
    expect(field('Request ID')).toHaveTextContent('Pxpgzy0Wjvn99mY');
    expect(field('User ID')).toHaveTextContent('usr_123456abcdef');
    const session = screen.getByRole('article');
    expect(within(session).getByText('Succeeded')).toBeInTheDocument();
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
    render(<StatusPanel result={{ data, raw, timing: null }} />);
    const toggle = screen.getByRole('button', { name: 'Show raw JSON' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(screen.getByLabelText('Raw JSON answer')).toHaveTextContent('"field_only_in_raw": 42');
    await user.click(screen.getByRole('button', { name: 'Copy raw JSON' }));
    expect(JSON.parse(await navigator.clipboard.readText())).toEqual(raw);
  });
});
