import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../test/msw-server';
import { makeResult } from '../../../test/lookup-results';
import { API_PATHS } from '../../../../shared/api-paths';
import type { InstitutionStatus } from '../../../../shared/schemas/institutions-get-by-id-response';
import type { LinkSession } from '../../../../shared/schemas/link-token-get-response';
import { incident, makeInstitution, productStatus } from '../../../../shared/test/institutions';
import { invalidCredentials, makeEvent, makeResponse, makeSession } from '../../../../shared/test/fixtures';
import { StatusPanel } from './StatusPanel';

const PRODUCTION_TOKEN = 'link-production-0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5';
const SANDBOX_TOKEN = 'link-sandbox-0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5';
const BANK = { name: 'Quokka Credit Union', institution_id: 'ins_135101' };
const CREDENTIALS = { client_id: 'client-1', secret: 'secret-1' };

function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString();
}

// A session that failed at BANK 40 minutes ago, for 3 minutes.
function failedSession(overrides: Partial<LinkSession> = {}): LinkSession {
  return makeSession({
    started_at: minutesAgo(40),
    finished_at: minutesAgo(37),
    exit: { error: invalidCredentials, metadata: { institution: BANK, status: 'requires_credentials' } },
    ...overrides,
  });
}

type Sent = { body: unknown }[];

// The server's institution endpoint, answering `status` (or an error), recording what it was asked.
function institutionHandler(answer: { status?: InstitutionStatus; error?: object }, sent: Sent = []) {
  return http.post(API_PATHS.institutionsGetById, async ({ request }) => {
    sent.push({ body: await request.json() });
    if (answer.error) return HttpResponse.json(answer.error, { status: 400 });
    return HttpResponse.json({ institution: makeInstitution(answer.status), request_id: 'req-ins' });
  });
}

function renderPanel(sessions: LinkSession[], token = PRODUCTION_TOKEN) {
  const data = makeResponse({ link_token: token, link_sessions: sessions });
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <StatusPanel result={makeResult(data)} lookup={{ id: 'lookup-1', credentials: CREDENTIALS }} />
    </QueryClientProvider>,
  );
}

function healthSection(name: RegExp = /^Bank health/): HTMLElement {
  return screen.getByRole('heading', { name }).parentElement!;
}

describe('InstitutionHealth on a failed session', () => {
  it('asks with the token’s environment and countries and the lookup’s credentials, and shows a degraded bank’s logins up front', async () => {
    const sent: Sent = [];
    server.use(
      institutionHandler(
        { status: { item_logins: productStatus(0.62, minutesAgo(120), { institution: 0.35, plaid: 0.03 }) } },
        sent,
      ),
    );
    renderPanel([failedSession()]);
    await screen.findByRole('heading', { name: 'Bank health: Quokka Credit Union' });
    expect(sent).toEqual([
      {
        body: {
          institution_id: 'ins_135101',
          environment: 'production',
          country_codes: ['US', 'CA'],
          client_id: 'client-1',
          secret: 'secret-1',
        },
      },
    ]);
    const section = healthSection();
    expect(within(section).getByText('Item logins')).toBeVisible();
    expect(within(section).getByText('Degraded')).toBeVisible();
    expect(within(section).getByText('62% succeed; 35% fail at the bank, 3% at Plaid')).toBeVisible();
    expect(within(section).getByText(/since/)).toBeVisible();
    // Degraded since two hours before the session: it applied to the session too.
    expect(within(section).getByText(/The bank was having trouble while this session ran/)).toBeVisible();
    // The rates are Plaid's latest; the session ended 37 minutes ago: said so.
    expect(within(section).getByText(/may fall outside them/)).toBeVisible();
  });

  it('highlights the incident that overlaps the session, and keeps the others behind the toggle', async () => {
    server.use(
      institutionHandler({
        status: {
          item_logins: productStatus(0.04, minutesAgo(50)),
          auth: productStatus(0.97, minutesAgo(600)),
          transactions_updates: null,
          health_incidents: [
            incident('Logins failing at Quokka', minutesAgo(55), null, [
              {
                status: 'IDENTIFIED',
                description: 'The bank’s login service is down.',
                updated_date: minutesAgo(30),
              },
            ]),
            incident('Scheduled maintenance last week', minutesAgo(10_000), minutesAgo(9_900), [
              { status: '__proto__', updated_date: minutesAgo(9_900) },
            ]),
          ],
        },
      }),
    );
    const user = userEvent.setup();
    renderPanel([failedSession()]);
    await screen.findByRole('heading', { name: 'Bank health: Quokka Credit Union' });
    const section = healthSection();
    expect(within(section).getByText('Down')).toBeVisible();
    expect(within(section).getByText('Incidents during this session')).toBeVisible();
    expect(within(section).getByText('Logins failing at Quokka')).toBeVisible();
    expect(within(section).getByText(/Identified: The bank’s login service is down/)).toBeVisible();
    expect(within(section).queryByText('Scheduled maintenance last week')).not.toBeInTheDocument();
    expect(within(section).queryByText('Auth')).not.toBeInTheDocument();

    await user.click(
      within(section).getByRole('button', { name: /Show every product’s status and other incidents/ }),
    );
    expect(within(section).getByText('Auth')).toBeVisible();
    expect(within(section).getByText('Healthy')).toBeVisible();
    expect(within(section).getByText('Transactions updates')).toBeVisible();
    expect(within(section).getByText('Not enough traffic to report')).toBeVisible();
    expect(within(section).getByText('Scheduled maintenance last week')).toBeVisible();
    // A status word Plaid might send that names an Object.prototype member is shown as written.
    expect(within(section).getByText(/__proto__/)).toBeVisible();
  });

  it('says when the bank was healthy throughout: the failure was not the bank’s', async () => {
    server.use(institutionHandler({ status: { item_logins: productStatus(0.98, minutesAgo(600)) } }));
    renderPanel([failedSession()]);
    await screen.findByRole('heading', { name: 'Bank health: Quokka Credit Union' });
    expect(within(healthSection()).getByText('Healthy')).toBeVisible();
    expect(within(healthSection()).getByText(/the failure was not the bank’s/)).toBeVisible();
  });

  it('names a bank with too little traffic for Plaid to report (status null)', async () => {
    server.use(institutionHandler({ status: null }));
    renderPanel([failedSession()]);
    expect(await screen.findByText(/^Not enough traffic to report: Plaid sees too few logins/)).toBeVisible();
  });

  it('in Sandbox, says Plaid reports no health there, and asks nobody', async () => {
    const sent: Sent = [];
    server.use(institutionHandler({ status: null }, sent));
    renderPanel([failedSession()], SANDBOX_TOKEN);
    expect(
      screen.getByText(/^Sandbox: Plaid reports no institution health outside Production/),
    ).toBeVisible();
    await delay(50);
    expect(sent).toHaveLength(0);
  });

  it('shows the rest of the answer while the health loads, then a short message when the health lookup fails', async () => {
    server.use(
      http.post(API_PATHS.institutionsGetById, async () => {
        await delay(200);
        return HttpResponse.json(
          {
            error_type: 'INVALID_INPUT',
            error_code: 'INVALID_INSTITUTION',
            error_message: 'invalid institution_id provided',
            display_message: null,
            request_id: 'req-x',
          },
          { status: 400 },
        );
      }),
    );
    renderPanel([failedSession()]);
    expect(screen.getByText('Asking Plaid how ins_135101 is doing…')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('heading', { name: /Link sessions/ })).toBeVisible();
    expect(
      await screen.findByText('Could not get this bank’s health: invalid institution_id provided'),
    ).toBeVisible();
    // The session's own exit error is still there.
    expect(screen.getAllByText(/INVALID_CREDENTIALS/).length).toBeGreaterThan(0);
  });

  it('asks about a bank Link flagged as down even when the session did not end with an error', async () => {
    const sent: Sent = [];
    server.use(institutionHandler({ status: { item_logins: productStatus(0.05, minutesAgo(600)) } }, sent));
    const metadata = { institution_id: BANK.institution_id, institution_name: BANK.name };
    renderPanel([
      failedSession({
        exit: null,
        events: [
          makeEvent({
            event_name: 'SELECT_DOWN_INSTITUTION',
            timestamp: minutesAgo(39),
            event_metadata: metadata,
          }),
        ],
      }),
    ]);
    await screen.findByRole('heading', { name: 'Bank health: Quokka Credit Union' });
    expect(within(healthSection()).getByText('Down')).toBeVisible();
    expect(sent).toHaveLength(1);
  });

  it('asks nothing for a session that succeeded or never reached a bank', async () => {
    const sent: Sent = [];
    server.use(institutionHandler({ status: null }, sent));
    renderPanel([
      makeSession({ link_session_id: 'ok', exit: null }),
      failedSession({ link_session_id: 'no-bank', exit: { error: invalidCredentials, metadata: null } }),
    ]);
    await delay(50);
    expect(sent).toHaveLength(0);
    expect(screen.queryByRole('heading', { name: /^Bank health/ })).not.toBeInTheDocument();
  });
});
