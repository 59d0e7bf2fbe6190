import type { CheckReport } from '../../../../shared/checks/check-report';
import { CHECK_STATUS_LABELS, CHECK_STATUS_TONES, checkCounts } from '../../../../shared/checks/check-status';
import { Card } from '../../../components/Card';
import { StatusBadge } from '../../../components/StatusBadge';
import text from '../../../components/text.module.css';
import { Timestamp } from '../../../components/Timestamp';
import { toneClass } from '../../../components/tone';
import styles from './CheckList.module.css';

// The lookup checked against a QA profile: the overall result first, then one row per expectation
// with what the profile expects and what Plaid's answer has side by side. Unknown rows say why
// (a list Plaid does not return, a session that has not ended), so they are never read as passes.
export function CheckList({ report }: { report: CheckReport }) {
  const title = (
    <>
      Checks against “{report.profile.name}”{' '}
      <StatusBadge tone={CHECK_STATUS_TONES[report.status]}>{CHECK_STATUS_LABELS[report.status]}</StatusBadge>
    </>
  );
  return (
    <Card title={title} titleLevel={3}>
      <p className={text.hint}>
        {report.rows.length === 0
          ? 'The profile names no expectations, so nothing was checked.'
          : `${checkCounts(report.rows.map((row) => row.status))}.`}{' '}
        Plaid’s answer as of <Timestamp value={report.checked_at} />.
      </p>
      <ol className={styles.rows}>
        {report.rows.map((row) => (
          <li key={row.expectation} className={`${styles.row} ${toneClass(CHECK_STATUS_TONES[row.status])}`}>
            <p className={styles.head}>
              <StatusBadge tone={CHECK_STATUS_TONES[row.status]}>
                {CHECK_STATUS_LABELS[row.status]}
              </StatusBadge>{' '}
              {row.label}
            </p>
            <dl className={styles.sides}>
              <div>
                <dt>Expected</dt>
                <dd className={text.break}>{row.expected}</dd>
              </div>
              <div>
                <dt>Actual</dt>
                <dd className={text.break}>{row.actual}</dd>
              </div>
            </dl>
            {row.note && <p className={styles.note}>{row.note}</p>}
          </li>
        ))}
      </ol>
    </Card>
  );
}
