import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../../test/msw-server';
import { failedSession, linkTokenBody, plaidErrorBody, requestedToken } from '../../../test/batch-answers';
import { configHandler, pasteAndRun, renderBatch } from '../../../test/render-batch';
import { API_PATHS } from '../../../../shared/api-paths';
import { incident, makeInstitution, productStatus } from '../../../../shared/test/institutions';

// Each bank in "Failures by bank" of a finished batch shows its health: one request per bank,
// Production only, never while the batch runs.

const QUOKKA = { name: 'Quokka Credit Union', institution_id: 'ins_135101' };
const TARTAN = { name: 'Tartan Bank', institution_id: 'ins_109511' };

function token(environment: 'sandbox' | 'production', n: number): string {
  return `link-${environment}-${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;
}

const QUOKKA_FAILED = [1, 2, 3].map((n) => token('production', n));
const TARTAN_FAILED = token('production', 4);

function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString();
}

let asked: unknown[];
// Released to let the Tartan lookup answer: until then the batch is still running.
let releaseTartan: () => void;

beforeEach(() => {
  asked = [];
  const tartanAnswers = new Promise<void>((resolve) => (releaseTartan = resolve));
  server.use(
    configHandler(),
    http.post(API_PATHS.linkTokenGet, async ({ request }) => {
      const linkToken = await requestedToken(request);
      if (linkToken.includes('00000004')) {
        await tartanAnswers;
        return HttpResponse.json(
          linkTokenBody(linkToken, {
            sessions: [failedSession('INVALID_CREDENTIALS', { institution: TARTAN })],
          }),
        );
      }
      return HttpResponse.json(
        linkTokenBody(linkToken, { sessions: [failedSession('INSTITUTION_DOWN', { institution: QUOKKA })] }),
      );
    }),
    http.post(API_PATHS.institutionsGetById, async ({ request }) => {
      const body = (await request.json()) as { institution_id: string };
      asked.push(body);
      if (body.institution_id === TARTAN.institution_id) {
        return HttpResponse.json({
          institution: { ...makeInstitution(null), ...TARTAN },
          request_id: 'req-t',
        });
      }
      if (body.institution_id !== QUOKKA.institution_id) {
        return HttpResponse.json(plaidErrorBody('INVALID_INSTITUTION'), { status: 400 });
      }
      const status = {
        item_logins: productStatus(0.64, minutesAgo(90), { plaid: 0.03 }),
        health_incidents: [incident('Quokka logins failing', minutesAgo(120), null)],
      };
      return HttpResponse.json({ institution: makeInstitution(status), request_id: 'req-q' });
    }),
  );
});

function panel(): HTMLElement {
  return screen.getByRole('region', { name: 'Failures by bank' });
}

// The list item that holds a bank's button, its failures and its health.
function bankItem(name: string): HTMLElement {
  return within(panel()).getByRole('button', { name }).closest('li')!;
}

describe('bank health in failures by bank', () => {
  it('waits for the batch to finish, then asks once per bank and shows each group’s health', async () => {
    const user = renderBatch();
    await pasteAndRun(user, [...QUOKKA_FAILED, TARTAN_FAILED].join('\n'));

    // The three Quokka answers are in; Tartan's lookup still runs.
    await within(panel()).findByRole('button', { name: 'Quokka Credit Union' });
    expect(within(panel()).getByText('Bank health is asked once the batch has finished.')).toBeVisible();
    expect(asked).toEqual([]);

    releaseTartan();
    await screen.findByText(/^Done:/);
    const quokka = bankItem('Quokka Credit Union');
    await within(quokka).findByText('64% succeed');
    expect(within(quokka).getByText('Item logins')).toBeVisible();
    expect(within(quokka).getByText('Degraded')).toBeVisible();
    expect(within(quokka).getByText('Incident')).toBeVisible();
    expect(within(quokka).getByText('Quokka logins failing')).toBeVisible();
    await within(bankItem('Tartan Bank')).findByText('Not enough traffic to report');
    expect(screen.queryByText('Bank health is asked once the batch has finished.')).toBeNull();

    // Three tokens at Quokka, one at Tartan: two requests, with the tokens' environment and countries.
    expect(asked).toHaveLength(2);
    expect(asked).toContainEqual({
      institution_id: 'ins_135101',
      environment: 'production',
      country_codes: ['US'],
    });
    expect(asked).toContainEqual({
      institution_id: 'ins_109511',
      environment: 'production',
      country_codes: ['US'],
    });
  });

  it('asks nothing for a Sandbox batch and says why no health is shown', async () => {
    releaseTartan();
    const user = renderBatch();
    await pasteAndRun(user, [1, 2].map((n) => token('sandbox', n)).join('\n'));
    await screen.findByText(/^Done:/);
    expect(
      within(panel()).getByText('Sandbox: Plaid reports no institution health outside Production.'),
    ).toBeVisible();
    expect(within(bankItem('Quokka Credit Union')).queryByText('Item logins')).toBeNull();
    expect(asked).toEqual([]);
  });

  it('says a bank’s health is unknown, and why, when Plaid will not answer for it', async () => {
    releaseTartan();
    const unlisted = { name: 'Numbat Bank', institution_id: 'ins_999999' };
    server.use(
      http.post(API_PATHS.linkTokenGet, async ({ request }) => {
        const linkToken = await requestedToken(request);
        return HttpResponse.json(
          linkTokenBody(linkToken, {
            sessions: [failedSession('INSTITUTION_DOWN', { institution: unlisted })],
          }),
        );
      }),
    );
    const user = renderBatch();
    await pasteAndRun(user, token('production', 7));
    await screen.findByText(/^Done:/);
    await within(bankItem('Numbat Bank')).findByText('bank health unknown (INVALID_INSTITUTION)');
  });
});
