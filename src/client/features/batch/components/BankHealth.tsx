import { useQuery } from '@tanstack/react-query';
import type { ApiError } from '../../../api/api-error';
import { institutionQuery } from '../../../api/get-institution';
import { BankHealthLine } from '../../../components/BankHealthLine';
import type { InstitutionDetails } from '../../../../shared/schemas/institutions-get-by-id-response';
import type { BankTarget } from '../lib/bank-targets';

// One institution group's health beside its count in the breakdown. Asked for Production groups
// only (Plaid reports none in Sandbox).
export function BankHealth({ target }: { target: BankTarget }) {
  const query = useQuery<InstitutionDetails, ApiError>(institutionQuery(target.institutionId, target.scope));
  if (query.isPending) return <BankHealthLine state={{ kind: 'checking' }} />;
  if (query.isError) {
    const reason = query.error.error.error_code || query.error.error.error_message;
    return <BankHealthLine state={{ kind: 'unknown', reason }} />;
  }
  return (
    <BankHealthLine
      state={{ kind: 'known', institution: query.data, environment: target.scope.environment }}
    />
  );
}
