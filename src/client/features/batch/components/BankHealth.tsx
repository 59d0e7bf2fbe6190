import { useQuery } from '@tanstack/react-query';
import type { ApiError } from '../../../api/api-error';
import { institutionQuery } from '../../../api/get-institution';
import { StatusBadge } from '../../../components/StatusBadge';
import {
  formatRate,
  HEALTH_LEVEL_LABELS,
  HEALTH_LEVEL_TONES,
  institutionHealth,
} from '../../../../shared/domain/institution-health';
import type { InstitutionDetails } from '../../../../shared/schemas/institutions-get-by-id-response';
import type { BankTarget } from '../lib/bank-targets';
import styles from './BankHealth.module.css';

// One institution group's health beside its count in the breakdown, in the single lookup's words:
// "Item logins [Degraded] 64% succeed", and an incident still going on. It is the bank's health
// now, which answers "is this bank having trouble?" for the group; each failed session's own
// window is in its details. Asked for Production groups only (Plaid reports none in Sandbox).
export function BankHealth({ target }: { target: BankTarget }) {
  const query = useQuery<InstitutionDetails, ApiError>(institutionQuery(target.institutionId, target.scope));
  if (query.isPending) {
    return <span className={styles.quiet}>checking bank health…</span>;
  }
  if (query.isError) {
    return (
      <span className={styles.quiet}>
        bank health unknown ({query.error.error.error_code || query.error.error.error_message})
      </span>
    );
  }
  const health = institutionHealth(query.data, target.scope.environment);
  if (health.kind === 'sandbox') return null;
  if (health.kind === 'not-enough-traffic') {
    return (
      <span className={styles.health}>
        <StatusBadge tone="neutral">Not enough traffic to report</StatusBadge>
      </span>
    );
  }
  const logins = health.itemLogins;
  const ongoing = health.incidents.find((incident) => incident.end === null);
  return (
    <span className={styles.health}>
      <span>Item logins</span>
      {logins.kind === 'reported' ? (
        <>
          <StatusBadge tone={HEALTH_LEVEL_TONES[logins.level]}>
            {HEALTH_LEVEL_LABELS[logins.level]}
          </StatusBadge>
          <span>{formatRate(logins.rates.success)} succeed</span>
        </>
      ) : (
        <StatusBadge tone="neutral">Not enough traffic to report</StatusBadge>
      )}
      {ongoing && (
        <span>
          <StatusBadge tone="failure">Incident</StatusBadge> {ongoing.title}
        </span>
      )}
    </span>
  );
}
