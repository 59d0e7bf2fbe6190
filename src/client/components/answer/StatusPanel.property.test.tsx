import { cleanup, render, screen, within } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { LinkTokenGetResponseSchema } from '../../../shared/schemas/link-token-get-response';
import { PlaidErrorSchema } from '../../../shared/schemas/plaid-error';
import { ErrorPanel } from './ErrorPanel';
import { StatusPanel } from './StatusPanel';
import { linkTokenGetResponse, plaidError } from '../../test/arbitraries';

// Whatever schema-valid answer Plaid sends, the panel renders and the request_id (what Plaid
// support asks for) is on screen.
describe('StatusPanel with random schema-valid answers', () => {
  it('renders without crashing and shows the request_id', () => {
    fc.assert(
      fc.property(linkTokenGetResponse, (raw) => {
        // The generator must only make answers the real schema accepts.
        const data = LinkTokenGetResponseSchema.parse(raw);
        // A failed run throws before its own clean-up; start each run from an empty page.
        cleanup();
        const { container } = render(
          <StatusPanel result={{ data, raw, timing: { upstreamMs: 12, proxyMs: null } }} />,
        );
        // Plain DOM queries: role queries over a whole panel would make 50 runs take minutes.
        const summary = within(container).getByText('Summary', { selector: 'h3' }).closest('section')!;
        const requestId = within(summary)
          .getByText('Request ID', { selector: 'dt' })
          .nextElementSibling!.querySelector('code');
        expect(requestId?.textContent).toBe(data.request_id);
        expect(within(container).getByText(/^Link sessions/, { selector: 'h3' })).toHaveTextContent(
          `(${data.link_sessions?.length ?? 0})`,
        );
      }),
      { numRuns: 50 },
    );
  }, 60_000);
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
