import { useQuery } from '@tanstack/react-query';
import type { ApiError } from '../../../api/api-error';
import { institutionQuery } from '../../../api/get-institution';
import { BankHealthLine } from '../../../components/BankHealthLine';
import text from '../../../components/text.module.css';
import { INSTITUTION_HEALTH_MESSAGES } from '../../../../shared/domain/institution-health';
import type { PlaidEnvironment } from '../../../../shared/link-token';
import type { HistoryBank, HistoryRow } from '../../../../shared/history/history-api';
import type { InstitutionDetails } from '../../../../shared/schemas/institutions-get-by-id-response';
import { DEFAULT_COUNTRY_CODES } from '../../../../shared/schemas/institutions-get-by-id-request';
import styles from './history.module.css';

// One health request per bank, whoever asks in History, with the server's own credentials.
const HISTORY_LOOKUP_KEY = 'history';

function BankHealth({ institutionId }: { institutionId: string }) {
  const scope = {
    lookupKey: HISTORY_LOOKUP_KEY,
    environment: 'production' as const,
    countryCodes: DEFAULT_COUNTRY_CODES,
    credentials: null,
  };
  const query = useQuery<InstitutionDetails, ApiError>(institutionQuery(institutionId, scope));
  if (query.isPending) return <BankHealthLine state={{ kind: 'checking' }} />;
  if (query.isError) {
    const reason = query.error.error.error_code || query.error.error.error_message;
    return <BankHealthLine state={{ kind: 'unknown', reason }} />;
  }
  return <BankHealthLine state={{ kind: 'known', institution: query.data, environment: 'production' }} />;
}

// The environment of a bank's tokens, as far as the rows loaded tell: Production when any is, since
// Plaid reports health there only; null when none of its tokens is loaded yet.
function bankEnvironment(bank: HistoryBank, rows: readonly HistoryRow[]): PlaidEnvironment | null {
  const its = rows.filter((row) => row.institution === bank.institution);
  if (its.length === 0) return null;
  return its.some((row) => row.environment === 'production') ? 'production' : 'sandbox';
}

// "Which bank?": the banks with failed tokens in the filtered set, most failures first, each with
// its most frequent error codes and, for Production banks, its health now.
export function HistoryBanks({
  banks,
  rows,
}: {
  banks: readonly HistoryBank[];
  rows: readonly HistoryRow[];
}) {
  if (banks.length === 0) return <p className={text.hint}>No bank has a failed token among these.</p>;
  const environments = banks.map((bank) => bankEnvironment(bank, rows));
  return (
    <>
      <ol className={styles.banks}>
        {banks.map((bank, index) => (
          <li key={bank.institution} className={styles.bank}>
            <span className={styles.bankName}>{bank.institution}</span>
            <span>
              <strong>{bank.failed}</strong> failed of {bank.total}
            </span>
            {bank.top_error_codes.length > 0 && (
              <span className={styles.bankCodes}>
                {bank.top_error_codes.map(({ value, count }) => (
                  <code key={value}>
                    {value} {count}
                  </code>
                ))}
              </span>
            )}
            {environments[index] === 'production' && bank.institution_id && (
              <BankHealth institutionId={bank.institution_id} />
            )}
          </li>
        ))}
      </ol>
      {environments.includes('sandbox') && <p className={text.hint}>{INSTITUTION_HEALTH_MESSAGES.sandbox}</p>}
    </>
  );
}
