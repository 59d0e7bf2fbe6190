import { cleanup, render, screen, within } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/api-error';
import { VERDICT_LABELS } from '../../../../shared/diagnosis';
import { LinkTokenGetResponseSchema } from '../../../../shared/schemas/link-token-get-response';
import { PlaidErrorSchema } from '../../../../shared/schemas/plaid-error';
import { ErrorPanel } from './ErrorPanel';
import { StatusPanel } from './StatusPanel';
import { linkTokenGetResponse, plaidError } from '../../../test/arbitraries';

// Whatever schema-valid answer Plaid sends, the panel renders with a verdict, and the request_id
// (what Plaid support asks for) is on screen.
describe('StatusPanel with random schema-valid answers', () => {
  it('renders without crashing and shows the request_id', () => {
    fc.assert(
      fc.property(linkTokenGetResponse, (raw) => {
        // The generator must only make answers the real schema accepts.
        const data = LinkTokenGetResponseSchema.parse(raw);
        // A failed run throws before its own clean-up; start each run from an empty page.
        cleanup();
        const { container } = render(
          <StatusPanel
            result={{
              data,
              raw,
              size: JSON.stringify(raw).length,
              timing: { upstreamMs: 12, proxyMs: null },
            }}
          />,
        );
        // Plain DOM queries: role queries over a whole panel would make 50 runs take minutes.
        const summary = within(container).getByText('Details', { selector: 'h3' }).closest('section')!;
        const requestId = within(summary)
          .getByText('Request ID', { selector: 'dt' })
          .nextElementSibling!.querySelector('code');
        expect(requestId?.textContent).toBe(data.request_id);
        const verdict = within(container).getByText('Verdict', { selector: 'h3' }).closest('section')!;
        expect(Object.values(VERDICT_LABELS)).toContain(verdict.querySelector('p > span')?.textContent);
        expect(within(container).getByText(/^Link sessions/, { selector: 'h3' })).toHaveTextContent(
          `(${data.link_sessions?.length ?? 0})`,
        );
      }),
      { numRuns: 50 },
    );
  }, 60_000);
});

// Plaid's strings are looked up in our tables of meanings; names that every object inherits must
// find nothing (the case fast-check found: an exit status of "__proto__" rendered an object).
describe('StatusPanel with strings named like inherited object members', () => {
  it.each(['__proto__', 'constructor', 'toString'])('renders a session whose strings are all %s', (name) => {
    const raw = {
      link_token: 'link-sandbox-0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5',
      created_at: null,
      expiration: null,
      link_sessions: [
        {
          link_session_id: '00000000-0000-1000-8000-000000000000',
          events: [
            {
              event_name: name,
              timestamp: '2026-11-25T10:00:00Z',
              event_id: 'e1',
              event_metadata: { view_name: name },
            },
          ],
          exit: {
            error: { error_type: name, error_code: name, error_message: 'odd', display_message: null },
            metadata: { status: name },
          },
        },
      ],
      metadata: {
        initial_products: [name],
        webhook: null,
        country_codes: [],
        language: null,
        redirect_uri: null,
        client_name: null,
      },
      request_id: 'req-odd',
    };
    const data = LinkTokenGetResponseSchema.parse(raw);
    render(<StatusPanel result={{ data, raw, size: JSON.stringify(raw).length, timing: null }} />);
    expect(screen.getAllByText('req-odd').length).toBeGreaterThan(0);
  });
});

describe('ErrorPanel with random PlaidErrors', () => {
  it('renders without crashing and shows the code and request_id', () => {
    fc.assert(
      fc.property(plaidError, fc.option(fc.integer({ min: 400, max: 599 })), (raw, status) => {
        const error = PlaidErrorSchema.parse(raw);
        cleanup();
        render(<ErrorPanel error={new ApiError(error, { httpStatus: status, raw })} />);
        const code = screen.getByText('Code', { selector: 'dt' }).nextElementSibling!;
        expect(code.textContent).toBe(error.error_code || '(empty)');
        // An empty request_id says nothing to Plaid support, so the panel leaves it out.
        if (error.request_id) {
          const requestId = screen
            .getByText('Request ID', { selector: 'dt' })
            .nextElementSibling!.querySelector('code');
          expect(requestId?.textContent).toBe(error.request_id);
        }
      }),
      { numRuns: 60 },
    );
  });
});
