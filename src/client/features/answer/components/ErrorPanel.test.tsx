import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/api-error';
import { proxyError } from '../../../../shared/schemas/proxy-error';
import { keptTartanFailure } from '../../../test/kept-sessions';
import { ErrorPanel } from './ErrorPanel';

function value(label: string): HTMLElement {
  return screen.getByText(label, { selector: 'dt' }).nextElementSibling as HTMLElement;
}

const invalidLinkToken = {
  error_type: 'INVALID_INPUT',
  error_code: 'INVALID_LINK_TOKEN',
  error_message: 'invalid link_token provided',
  display_message: null,
  request_id: 'plaid-req-77',
};

function verdict() {
  return within(screen.getByRole('region', { name: 'Verdict' }));
}

function field(scope: ReturnType<typeof within>, label: string): HTMLElement {
  return scope.getByText(label, { selector: 'dt' }).nextElementSibling as HTMLElement;
}

describe('ErrorPanel verdict', () => {
  it('says first that the lookup failed, who acts next and what they do, with Plaid’s docs', () => {
    render(
      <ErrorPanel
        error={new ApiError(invalidLinkToken, { httpStatus: 400, raw: invalidLinkToken })}
        failedAt={Date.parse('2026-11-25T10:00:00Z')}
      />,
    );
    // Right under the heading, before Plaid's fields.
    const heading = screen.getByRole('heading', { level: 2 });
    const block = screen.getByRole('region', { name: 'Verdict' });
    expect(heading.nextElementSibling).toBe(block);
    expect(verdict().getByText('Lookup failed')).toBeInTheDocument();
    expect(field(verdict(), 'Error message')).toHaveTextContent('invalid link_token provided');
    expect(field(verdict(), 'Who acts next')).toHaveTextContent('The person looking up the token');
    expect(field(verdict(), 'Next step')).toHaveTextContent(/^Use the credentials of the team that created/);
    expect(field(verdict(), 'Why')).toHaveTextContent(/belongs to the other environment/);
    expect(verdict().getByRole('link', { name: /Plaid’s docs for INVALID_LINK_TOKEN/ })).toHaveAttribute(
      'href',
      'https://plaid.com/docs/errors/invalid-input/#invalid_link_token',
    );
  });

  it('names the inspector operator for the inspector’s own errors, and the wait for retryable ones', () => {
    const error = proxyError('UPSTREAM_UNREACHABLE', 'Could not connect to Plaid.', 'proxy-req-3');
    render(<ErrorPanel error={new ApiError(error, { httpStatus: 502, raw: error })} />);
    expect(verdict().getByText('UPSTREAM_UNREACHABLE')).toBeInTheDocument();
    expect(field(verdict(), 'Who acts next')).toHaveTextContent('Whoever runs this inspector');
    expect(field(verdict(), 'Next step')).toHaveTextContent(/^Try again; if it keeps failing/);
    // Not Plaid's error: no link to Plaid's docs in the verdict.
    expect(verdict().queryByRole('link')).not.toBeInTheDocument();
  });

  it('copies the failed lookup for a ticket, with its request ID, as plain text and as Markdown', async () => {
    const user = userEvent.setup();
    render(
      <ErrorPanel
        error={new ApiError(invalidLinkToken, { httpStatus: 400, raw: invalidLinkToken })}
        failedAt={Date.parse('2026-11-25T10:00:00Z')}
        linkToken="link-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
        inspectorUrl="https://inspector.example/?link_token=link-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
      />,
    );
    const plain = verdict().getByRole('button', {
      name: 'Copy for a ticket: a plain-text summary of this lookup',
    });
    await user.click(plain);
    await waitFor(() => expect(plain).toHaveTextContent('Copied'));
    const text = await navigator.clipboard.readText();
    expect(text).toMatch(/^Verdict: Lookup failed\. INVALID_LINK_TOKEN: /);
    expect(text).toContain('\nWho acts next: The person looking up the token\n');
    expect(text).toContain('\nRequest ID: plaid-req-77\n');
    expect(text).toContain('\nLink token: link-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\n');
    expect(text).toContain('\nLooked up: 25 Nov 2026, 10:00:00 UTC\n');
    expect(text).toContain('https://inspector.example/?link_token=');

    const markdown = verdict().getByRole('button', { name: 'Copy for a ticket as Markdown' });
    await user.click(markdown);
    await waitFor(() => expect(markdown).toHaveTextContent('Copied'));
    expect(await navigator.clipboard.readText()).toContain('- **Request ID:** `plaid-req-77`');
  });
});

describe('ErrorPanel', () => {
  it('explains a Plaid error, with its fields, request ID and Plaid’s docs', async () => {
    const user = userEvent.setup();
    render(<ErrorPanel error={new ApiError(invalidLinkToken, { httpStatus: 400, raw: invalidLinkToken })} />);
    expect(screen.getByRole('region', { name: /^Error from Plaid Plaid does not know/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
      'Plaid does not know this link token',
    );
    expect(screen.getByRole('region', { name: 'Verdict' })).toHaveTextContent(
      'INVALID_LINK_TOKEN · Error from Plaid · HTTP 400',
    );
    expect(value('Type')).toHaveTextContent('INVALID_INPUT');
    expect(value('Code')).toHaveTextContent('INVALID_LINK_TOKEN');
    expect(value('Message')).toHaveTextContent('invalid link_token provided');
    expect(value('Message for end users')).toHaveTextContent('none');
    expect(screen.getByRole('link', { name: /Plaid’s docs for INVALID_LINK_TOKEN/ })).toHaveAttribute(
      'href',
      'https://plaid.com/docs/errors/invalid-input/#invalid_link_token',
    );
    await user.click(screen.getByRole('button', { name: 'Copy error request ID' }));
    expect(await navigator.clipboard.readText()).toBe('plaid-req-77');
  });

  it('shows the end-user message, suggested action and Plaid’s own documentation_url when given', () => {
    const error = {
      error_type: 'API_ERROR',
      error_code: 'INTERNAL_SERVER_ERROR',
      error_message: 'an unexpected error occurred',
      display_message: 'Something went wrong at Plaid.',
      suggested_action: 'Retry in a few minutes.',
      documentation_url: 'https://plaid.com/docs/errors/api/#internal_server_error',
      request_id: 'r1',
    };
    render(<ErrorPanel error={new ApiError(error, { httpStatus: 500, raw: error })} />);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Plaid had an internal error');
    expect(value('Message for end users')).toHaveTextContent('Something went wrong at Plaid.');
    expect(value('Suggested action')).toHaveTextContent('Retry in a few minutes.');
    // Plaid's own page, in the verdict's next step.
    for (const link of screen.getAllByRole('link', { name: /Plaid’s docs/ })) {
      expect(link).toHaveAttribute('href', error.documentation_url);
    }
  });

  it('tells our own proxy errors apart, without a link to Plaid’s docs', () => {
    const error = proxyError('UPSTREAM_TIMEOUT', 'Plaid did not answer within 10 s.', 'proxy-req-1');
    render(<ErrorPanel error={new ApiError(error, { httpStatus: 504, raw: error })} />);
    expect(screen.getByText('Error from the inspector’s server')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Plaid did not answer in time');
    expect(value('Request ID')).toHaveTextContent('proxy-req-1');
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('says when to retry after a rate limit', () => {
    const error = proxyError('RATE_LIMITED', 'Too many requests.', 'proxy-req-2');
    render(
      <ErrorPanel error={new ApiError(error, { httpStatus: 429, retryAfterSeconds: 30, raw: error })} />,
    );
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Too many lookups');
    // One figure, in the next step: no "moment", no second notice with its own wait.
    expect(value('Next step')).toHaveTextContent(
      'Wait 30 seconds (this inspector’s server asked for that in its Retry-After), then try again.',
    );
    expect(screen.queryByText(/a moment|a minute/)).not.toBeInTheDocument();
    expect(screen.getAllByText(/30 seconds/)).toHaveLength(1);
  });

  it('gives Plaid’s own Retry-After as the wait on Plaid’s rate limit', () => {
    const error = {
      error_type: 'RATE_LIMIT_EXCEEDED',
      error_code: 'RATE_LIMIT',
      error_message: 'rate limit exceeded',
      display_message: null,
      request_id: 'plaid-req-9',
    };
    render(<ErrorPanel error={new ApiError(error, { httpStatus: 429, retryAfterSeconds: 2, raw: error })} />);
    expect(value('Next step')).toHaveTextContent(
      /^Wait 2 seconds \(Plaid asked for that in its Retry-After\), then try again\./,
    );
  });

  it('explains a failure in the browser, and shows the raw answer on demand', async () => {
    const user = userEvent.setup();
    const error = {
      error_type: 'CLIENT_ERROR',
      error_code: 'UNEXPECTED_RESPONSE',
      error_message: 'The server answered HTTP 502 with something that is not JSON.',
      display_message: null,
    };
    render(<ErrorPanel error={new ApiError(error, { httpStatus: 502, raw: '<html>Bad gateway</html>' })} />);
    expect(screen.getByText('Error in the browser')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('The answer could not be read');
    expect(screen.queryByText('<html>Bad gateway</html>')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show the raw answer' }));
    const raw = screen.getByLabelText('Raw answer');
    expect(raw).toHaveTextContent('<html>Bad gateway</html>');
    expect(raw).toBeVisible();
    // A long answer scrolls inside the panel: keyboard users must be able to reach it.
    await user.tab();
    expect(raw).toHaveFocus();
  });

  it('names a network failure and shows no raw answer when there was none', () => {
    const error = {
      error_type: 'CLIENT_ERROR',
      error_code: 'NETWORK_ERROR',
      error_message: 'Could not reach the Link Token Inspector server.',
      display_message: null,
    };
    render(<ErrorPanel error={new ApiError(error)} />);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
      'The inspector’s server could not be reached',
    );
    expect(screen.queryByText(/HTTP/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show the raw answer' })).not.toBeInTheDocument();
  });

  it('shows the reason for the code, and error fields the UI does not know', () => {
    const error = { ...invalidLinkToken, error_code_reason: 'TOKEN_EXPIRED_LONG_AGO', brand_new: 'value' };
    render(<ErrorPanel error={new ApiError(error, { httpStatus: 400 })} />);
    expect(value('Reason')).toHaveTextContent('TOKEN_EXPIRED_LONG_AGO');
    expect(screen.getByText('brand_new')).toBeInTheDocument();
  });
});

describe('ErrorPanel for a token Plaid no longer knows but the store does', () => {
  const permalink = '/?link_token=link-sandbox-kept&kept=1';

  it("says Plaid's error, then diagnoses the kept sessions like live ones, each labelled as the store's copy", () => {
    const raw = {
      ...invalidLinkToken,
      kept: { status: 'skipped', sessions: [keptTartanFailure], permalink },
    };
    render(
      <ErrorPanel
        error={new ApiError(invalidLinkToken, { httpStatus: 400, raw })}
        linkToken="link-sandbox-kept"
      />,
    );
    const [plaids, kepts] = screen
      .getAllByRole('region', { name: 'Verdict' })
      .map((region) => within(region));
    expect(plaids!.getByText('Lookup failed')).toBeInTheDocument();
    expect(plaids!.getByText('INVALID_LINK_TOKEN')).toBeInTheDocument();

    const kept = within(screen.getByRole('region', { name: 'What the inspector’s store kept' }));
    expect(
      kept.getByText(/1 session below comes from the inspector’s store, not from Plaid now: Plaid answered/),
    ).toBeInTheDocument();
    expect(kepts!.getByText('Failed')).toBeInTheDocument();
    expect(kepts!.getByText(/Link failed at Tartan Bank with INVALID_CREDENTIALS/)).toBeInTheDocument();
    const label = within(kept.getByRole('article')).getByText(/^Kept from a lookup by ana at/);
    expect(label.querySelector('time')).toHaveAttribute('dateTime', '2026-11-24T10:42:00Z');
    expect(kept.getByRole('link', { name: 'Open the kept answer' })).toHaveAttribute('href', permalink);
  });

  it('says nothing of the store when it kept nothing', () => {
    const raw = { ...invalidLinkToken, kept: { status: 'skipped', sessions: [], permalink } };
    render(<ErrorPanel error={new ApiError(invalidLinkToken, { httpStatus: 400, raw })} />);
    expect(screen.queryByText(/inspector’s store/)).not.toBeInTheDocument();
    expect(screen.getAllByRole('region', { name: 'Verdict' })).toHaveLength(1);
  });
});
