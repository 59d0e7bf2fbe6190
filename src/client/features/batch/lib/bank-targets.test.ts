import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/api-error';
import { bankTargets } from './bank-targets';
import { rowFromOutcome } from './batch-row';
import type { BatchOutcome } from './run-batch';
import { resultFromBody } from '../../../test/lookup-results';
import { failedSession, linkedSession, linkTokenBody, plaidErrorBody } from '../../../test/batch-answers';

const NOW = Date.parse('2026-11-25T06:00:00Z');
const RUN = { id: 'batch-1', credentials: { client_id: 'client-1', secret: 'secret-1' } };
const QUOKKA = { name: 'Quokka Credit Union', institution_id: 'ins_116530' };

function token(environment: 'sandbox' | 'production', n: number): string {
  return `link-${environment}-${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;
}

function answered(linkToken: string, body: Parameters<typeof linkTokenBody>[1], countryCodes?: string[]) {
  const raw = linkTokenBody(linkToken, body);
  if (countryCodes) (raw.metadata as { country_codes: string[] }).country_codes = countryCodes;
  const outcome: BatchOutcome = { kind: 'success', result: resultFromBody(raw) };
  return { row: rowFromOutcome(linkToken, outcome, NOW), outcome };
}

describe('bankTargets', () => {
  it('asks once per institution group, with the batch run’s key and credentials', () => {
    const entries = [1, 2, 3].map((n) =>
      answered(token('production', n), {
        sessions: [failedSession('INSTITUTION_DOWN', { institution: QUOKKA })],
      }),
    );
    const targets = bankTargets(
      entries.map((entry) => entry.row),
      RUN,
    );
    expect([...targets.keys()]).toEqual(['Quokka Credit Union']);
    expect(targets.get('Quokka Credit Union')).toEqual({
      institutionId: 'ins_116530',
      scope: {
        lookupKey: 'batch-1',
        environment: 'production',
        countryCodes: ['US'],
        credentials: RUN.credentials,
      },
    });
  });

  it('prefers a Production token, where Plaid reports health, and keeps its countries', () => {
    const entries = [
      answered(token('sandbox', 1), {
        sessions: [failedSession('INSTITUTION_DOWN', { institution: QUOKKA })],
      }),
      answered(token('production', 2), { sessions: [linkedSession({ institution: QUOKKA })] }, ['CA', 'US']),
      answered(token('sandbox', 3), {
        sessions: [failedSession('INSTITUTION_DOWN', { institution: QUOKKA })],
      }),
    ];
    const target = bankTargets(
      entries.map((entry) => entry.row),
      RUN,
    ).get('Quokka Credit Union');
    expect(target?.scope.environment).toBe('production');
    expect(target?.scope.countryCodes).toEqual(['CA', 'US']);
  });

  it('leaves out tokens that reached no bank and lookups that failed', () => {
    const failedLookup: BatchOutcome = {
      kind: 'error',
      error: new ApiError(plaidErrorBody('INVALID_LINK_TOKEN'), { httpStatus: 400 }),
    };
    const entries = [
      answered(token('production', 1), {}),
      { row: rowFromOutcome(token('production', 2), failedLookup, NOW), outcome: failedLookup },
    ];
    expect(
      bankTargets(
        entries.map((entry) => entry.row),
        { id: 'batch-2', credentials: null },
      ).size,
    ).toBe(0);
  });
});
