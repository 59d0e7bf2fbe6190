import { Fragment, useId } from 'react';
import { Button } from '../../../components/Button';
import { StatusBadge } from '../../../components/StatusBadge';
import text from '../../../components/text.module.css';
import type { ValueCount } from '../../../../shared/diagnosis/breakdown-rules';
import { INSTITUTION_HEALTH_MESSAGES } from '../../../../shared/domain/institution-health';
import type { BankTarget } from '../lib/bank-targets';
import type { FailuresByBank as Failures } from '../lib/failures-by-bank';
import { ROW_VERDICT_LABELS, ROW_VERDICT_TONES } from '../lib/row-verdict';
import { BankHealth } from './BankHealth';
import styles from './FailuresByBank.module.css';

// What the panel needs to show each bank's health: one target per institution name, and whether
// to ask yet (not while the batch runs, so that health requests do not compete with the lookups
// for the server's rate limit).
export type BanksHealth = { targets: ReadonlyMap<string, BankTarget>; ask: boolean };

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

// "INSTITUTION_DOWN 2, INVALID_CREDENTIALS 1": most frequent first.
function CodeCounts({ codes }: { codes: readonly ValueCount[] }) {
  return (
    <span className={styles.codes}>
      {codes.map(({ value, count }, index) => (
        <Fragment key={value}>
          {index > 0 && ', '}
          <code>{value}</code> {count}
        </Fragment>
      ))}
    </span>
  );
}

// Under the banks: why some show no health.
function HealthNote({ names, health }: { names: readonly string[]; health: BanksHealth }) {
  const environments = new Set(names.map((name) => health.targets.get(name)?.scope.environment));
  const notes: string[] = [];
  if (!health.ask && environments.has('production'))
    notes.push('Bank health is asked once the batch has finished.');
  if (environments.has('sandbox')) notes.push(INSTITUTION_HEALTH_MESSAGES.sandbox);
  if (notes.length === 0) return null;
  return <p className={text.hint}>{notes.join(' ')}</p>;
}

// Right under the verdict bar: where Link failed, worst bank first, each with its health and its
// most frequent error codes, a button to filter the table to it; then, apart, the lookups that
// failed (we could not read those tokens: our errors, not the user's session's).
export function FailuresByBank({
  failures,
  health,
  selected,
  onToggle,
}: {
  failures: Failures;
  health: BanksHealth;
  // Institutions chosen as a filter.
  selected: readonly string[];
  onToggle: (institution: string) => void;
}) {
  const id = useId();
  const { banks, moreBanks, failedWithoutBank, lookupFailed } = failures;
  const nothingFailed = banks.length === 0 && failedWithoutBank === 0 && lookupFailed.tokens === 0;
  return (
    <section className={styles.panel} aria-labelledby={id}>
      <h4 id={id} className={styles.heading}>
        Failures by bank
      </h4>
      {nothingFailed && <p className={text.hint}>No Link session failed and every lookup was read.</p>}
      {banks.length > 0 && (
        <ol className={styles.banks}>
          {banks.map((bank) => {
            const target = health.ask ? health.targets.get(bank.institution) : undefined;
            return (
              <li key={bank.institution} className={styles.bank}>
                <Button
                  size="small"
                  aria-pressed={selected.includes(bank.institution)}
                  onClick={() => onToggle(bank.institution)}
                >
                  {bank.institution}
                </Button>
                <span>
                  <StatusBadge tone={ROW_VERDICT_TONES.failed}>{ROW_VERDICT_LABELS.failed}</StatusBadge>{' '}
                  <strong>{bank.failed}</strong> of {plural(bank.total, 'token', 'tokens')}
                </span>
                {bank.top_error_codes.length > 0 && <CodeCounts codes={bank.top_error_codes} />}
                {/* Health is asked in Production only (Plaid reports none in Sandbox). */}
                {target?.scope.environment === 'production' && <BankHealth target={target} />}
              </li>
            );
          })}
        </ol>
      )}
      {moreBanks > 0 && (
        <p className={text.hint}>
          {plural(moreBanks, 'more bank has', 'more banks have')} fewer failures: see the Institution counts.
        </p>
      )}
      {failedWithoutBank > 0 && (
        <p className={text.hint}>
          {plural(failedWithoutBank, 'failed session names', 'failed sessions name')} no bank (Link failed
          before one was chosen).
        </p>
      )}
      <HealthNote names={banks.map((bank) => bank.institution)} health={health} />
      {lookupFailed.tokens > 0 && (
        <p className={styles.lookups}>
          <StatusBadge tone={ROW_VERDICT_TONES['lookup failed']}>
            {ROW_VERDICT_LABELS['lookup failed']}
          </StatusBadge>{' '}
          <span>
            <strong>{lookupFailed.tokens}</strong> {lookupFailed.tokens === 1 ? 'token' : 'tokens'} we could
            not read, so no bank is known:
          </span>{' '}
          <CodeCounts codes={lookupFailed.codes} />
        </p>
      )}
    </section>
  );
}
