import type { ReactNode } from 'react';
import { STEP_LABELS, type StepKind } from '../../../../shared/diagnosis';
import { formatDuration, msSince } from '../../../../shared/domain/format-time';
import type { HistoryRow } from '../../../../shared/history/history-api';
import { PlaidCode } from '../../../components/PlaidCode';
import { StatusBadge } from '../../../components/StatusBadge';
import { Timestamp } from '../../../components/Timestamp';
import { VisuallyHidden } from '../../../components/VisuallyHidden';
import { useNow } from '../../../hooks/use-now';
import { SOURCE_LABELS, verdictLabel, verdictTone } from '../lib/history-words';
import styles from './HistoryTable.module.css';

function stepLabel(step: string): string {
  return step in STEP_LABELS ? STEP_LABELS[step as StepKind] : step;
}

function ago(value: string, now: number): string {
  const ms = msSince(value, now);
  if (ms === null) return '';
  return ms < 60_000 ? 'just now' : `${formatDuration(ms, 1)} ago`;
}

const COLUMNS: { label: string; cell: (row: HistoryRow, now: number) => ReactNode }[] = [
  {
    label: 'Verdict',
    cell: (row) => <StatusBadge tone={verdictTone(row.verdict)}>{verdictLabel(row.verdict)}</StatusBadge>,
  },
  { label: 'Institution', cell: (row) => row.institution },
  { label: 'Error code', cell: (row) => row.error_code && <PlaidCode>{row.error_code}</PlaidCode> },
  { label: 'Exit status', cell: (row) => row.exit_status && <PlaidCode>{row.exit_status}</PlaidCode> },
  { label: 'Step reached', cell: (row) => row.step_reached && stepLabel(row.step_reached) },
  {
    label: 'Last seen',
    cell: (row, now) => (
      <span className={styles.seen}>
        <Timestamp value={row.last_seen_at} />
        <span className={styles.ago}>{ago(row.last_seen_at, now)}</span>
      </span>
    ),
  },
  {
    label: 'Source',
    cell: (row) => (
      <span title={`Kept from: ${row.sources.map((source) => SOURCE_LABELS[source]).join(', ')}`}>
        {SOURCE_LABELS[row.last_source]}
        {row.sources.length > 1 && <span className={styles.ago}> +{row.sources.length - 1}</span>}
      </span>
    ),
  },
];

// One row per kept token, newest first, each opening its kept answer (the permalink: the answer
// as the store holds it, without asking Plaid). A table on a wide screen; below 48rem each row is
// a card of labelled values (HistoryTable.module.css).
export function HistoryTable({ rows }: { rows: readonly HistoryRow[] }) {
  const now = useNow(60_000);
  return (
    <div className={styles.container}>
      <table className={styles.table}>
        <caption>
          <VisuallyHidden>Kept tokens, newest first; open a token to see its kept answer</VisuallyHidden>
        </caption>
        <thead>
          <tr>
            <th scope="col">Token</th>
            {COLUMNS.map((column) => (
              <th scope="col" key={column.label}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.link_token}>
              <td className={styles.tokenCell}>
                <a href={row.permalink} className={styles.token} title={row.headline}>
                  <code>{row.link_token}</code>
                  <VisuallyHidden>: open its kept answer</VisuallyHidden>
                </a>
                {row.session_count !== 1 && (
                  <span className={styles.ago}>
                    {row.session_count} {row.session_count === 1 ? 'session' : 'sessions'}
                  </span>
                )}
              </td>
              {COLUMNS.map((column) => (
                <td key={column.label} data-label={column.label}>
                  {column.cell(row, now)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
