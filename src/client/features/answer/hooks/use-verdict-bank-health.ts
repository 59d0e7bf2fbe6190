import { skipToken, useQuery } from '@tanstack/react-query';
import type { ApiError } from '../../../api/api-error';
import { institutionQuery, type InstitutionScope } from '../../../api/get-institution';
import { bankHealthLine, bankToCheck, sessionWindow } from '../../../../shared/diagnosis';
import { eventsInTimeOrder } from '../../../../shared/domain/ordering';
import { institutionHealth } from '../../../../shared/domain/institution-health';
import type { InstitutionDetails } from '../../../../shared/schemas/institutions-get-by-id-response';
import type { LinkSession } from '../../../../shared/schemas/link-token-get-response';

// The verdict's bank's health, in one line (bankHealthLine), for the verdict and its ticket. It is
// the question the session card's "Bank health" asks, with the same query, so Plaid is asked once.
// `line` is null when nothing is asked (no failed session at a bank, Sandbox);
// `settled` is false while Plaid has not answered (the ticket then goes without it).
export type VerdictBankHealth = { line: string | null; settled: boolean };

export function useVerdictBankHealth(
  session: LinkSession | undefined,
  scope: InstitutionScope,
): VerdictBankHealth {
  const institutionId = session ? bankToCheck(session, eventsInTimeOrder(session.events ?? [])) : null;
  const asked = session !== undefined && institutionId !== null && scope.environment !== 'sandbox';
  const query = useQuery<InstitutionDetails, ApiError>(
    asked
      ? institutionQuery(institutionId, scope)
      : { queryKey: ['institution', 'not asked'], queryFn: skipToken },
  );
  if (!asked) return { line: null, settled: true };
  if (query.isPending) return { line: 'Asking Plaid how this bank is doing…', settled: false };
  if (query.isError) {
    return { line: `Not known: ${query.error.error.error_message}`, settled: false };
  }
  const health = institutionHealth(query.data, scope.environment);
  const line = bankHealthLine(query.data.name, health, sessionWindow(session), new Date(query.dataUpdatedAt));
  return { line, settled: true };
}
