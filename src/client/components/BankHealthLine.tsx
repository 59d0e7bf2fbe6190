import {
  formatRate,
  HEALTH_LEVEL_LABELS,
  HEALTH_LEVEL_TONES,
  institutionHealth,
} from '../../shared/domain/institution-health';
import type { PlaidEnvironment } from '../../shared/link-token';
import type { InstitutionDetails } from '../../shared/schemas/institutions-get-by-id-response';
import styles from './BankHealthLine.module.css';
import { StatusBadge } from './StatusBadge';

// Where asking Plaid about a bank's health stands: the feature that asks says.
export type BankHealthState =
  | { kind: 'checking' }
  | { kind: 'unknown'; reason: string }
  | { kind: 'known'; institution: InstitutionDetails; environment: PlaidEnvironment };

// One bank's health beside its count, in the single lookup's words: "Item logins [Degraded] 64%
// succeed", and an incident still going on. It is the bank's health now, which answers "is this
// bank having trouble?"; each failed session's own window is in its details.
export function BankHealthLine({ state }: { state: BankHealthState }) {
  if (state.kind === 'checking') return <span className={styles.quiet}>checking bank health…</span>;
  if (state.kind === 'unknown')
    return <span className={styles.quiet}>bank health unknown ({state.reason})</span>;
  const health = institutionHealth(state.institution, state.environment);
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
