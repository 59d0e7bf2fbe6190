import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../test/msw-server';
import { makeResult } from '../../../test/lookup-results';
import { API_PATHS } from '../../../../shared/api-paths';
import type { InstitutionStatus } from '../../../../shared/schemas/institutions-get-by-id-response';
import { makeResponse, makeSession } from '../../../../shared/test/fixtures';
import { incident, makeInstitution, productStatus } from '../../../../shared/test/institutions';
import { StatusPanel } from './StatusPanel';

// The verdict of a failed Production session says how its bank is doing, once Plaid has answered
// (Plaid's /institutions/get_by_id through the server, mocked at the network's edge), and so does
// the ticket; Plaid is asked once for the verdict and the session's card together.

const BANK = { name: 'Quokka Credit Union', institution_id: 'ins_135101' };
const institutionDown = {
  error_type: 'INSTITUTION_ERROR',
  error_code: 'INSTITUTION_DOWN',
  error_message: 'this institution is not currently responding to this request. please try again soon',
  display_message: null,
  request_id: 'req-down',
};
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function renderFailedAtBank(token: string) {
  const session = makeSession({
    started_at: minutesAgo(40),
    finished_at: minutesAgo(37),
    exit: { error: institutionDown, metadata: { institution: BANK, status: 'requires_credentials' } },
  });
  const data = makeResponse({ link_token: token, link_sessions: [session] });
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <StatusPanel result={makeResult(data)} lookup={{ id: 'lookup-1', credentials: null }} />
    </QueryClientProvider>,
  );
}

function answering(status: InstitutionStatus, asked: unknown[]) {
  return http.post(API_PATHS.institutionsGetById, async ({ request }) => {
    asked.push(await request.json());
    return HttpResponse.json({ institution: makeInstitution(status), request_id: 'req-ins' });
  });
}

const verdict = () => within(screen.getByRole('region', { name: 'Verdict' }));
const verdictField = (label: string) =>
  verdict().getByText(label, { selector: 'dt' }).nextElementSibling as HTMLElement;

describe('the verdict’s bank health', () => {
  it('is one line in the verdict and the ticket: the bank’s state then and now, and the incident', async () => {
    const asked: unknown[] = [];
    server.use(
      answering(
        {
          item_logins: productStatus(0.04, minutesAgo(120)),
          health_incidents: [incident('Logins failing at Quokka', minutesAgo(90), null)],
        },
        asked,
      ),
    );
    const user = userEvent.setup();
    renderFailedAtBank('link-production-0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5');
    expect(verdictField('Bank health')).toHaveTextContent('Asking Plaid how this bank is doing…');
    const line =
      'Quokka Credit Union: in trouble during the session, logins Down now (4% succeed); incident “Logins failing at Quokka”, still going on.';
    await waitFor(() => expect(verdictField('Bank health')).toHaveTextContent(line));
    // The verdict's session card, open below, asked with the same query: Plaid was asked once.
    expect(screen.getByRole('heading', { name: 'Bank health: Quokka Credit Union' })).toBeVisible();
    expect(asked).toHaveLength(1);

    const button = verdict().getByRole('button', {
      name: 'Copy for a ticket: a plain-text summary of this lookup',
    });
    await user.click(button);
    await waitFor(() => expect(button).toHaveTextContent('Copied'));
    expect(await navigator.clipboard.readText()).toContain(`\nBank health: ${line}\n`);
  });

  it('is not asked for or shown in Sandbox, where Plaid reports no health', async () => {
    const asked: unknown[] = [];
    server.use(answering({ item_logins: productStatus(0.04, minutesAgo(120)) }, asked));
    renderFailedAtBank('link-sandbox-0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5');
    expect(await screen.findByText(/Sandbox: Plaid reports no institution health/)).toBeVisible();
    expect(verdict().queryByText('Bank health')).not.toBeInTheDocument();
    expect(asked).toEqual([]);
  });
});
