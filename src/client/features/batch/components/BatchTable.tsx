import { memo, useCallback, useState } from 'react';
import { Button } from '../../../components/Button';
import { StatusBadge } from '../../../components/StatusBadge';
import { Timestamp } from '../../../components/Timestamp';
import { VisuallyHidden } from '../../../components/VisuallyHidden';
import { BATCH_STATUS_TONES, type BatchRow } from '../lib/batch-row';
import type { Sort, SortKey } from '../lib/sort-filter-rows';
import styles from './batch.module.css';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'token', label: 'Token' },
  { key: 'environment', label: 'Environment' },
  { key: 'status', label: 'Status' },
  { key: 'expiration', label: 'Expiration' },
  { key: 'sessionCount', label: 'Sessions' },
  { key: 'lastSessionOutcome', label: 'Last session' },
  { key: 'lastEventAt', label: 'Last event' },
  { key: 'errorCode', label: 'Error code' },
];

// "link-sandbox-1a2b3c4d…9f0e": the environment and enough of the UUID to tell rows apart.
function shortenToken(token: string): string {
  const match = /^(link-[a-z]+)-([0-9a-f]{8})-.*([0-9a-f]{4})$/.exec(token);
  return match ? `${match[1]}-${match[2]}…${match[3]}` : token;
}

type RowProps = {
  row: BatchRow;
  selected: boolean;
  detailsId: string;
  onSelect: (token: string) => void;
  onCopy: (token: string) => void;
};

// Memoised: while a batch runs only the row whose answer arrived re-renders, not all 500.
const TableRow = memo(function TableRow({ row, selected, detailsId, onSelect, onCopy }: RowProps) {
  return (
    <tr
      className={selected ? `${styles.row} ${styles.selected}` : styles.row}
      onClick={() => onSelect(row.token)}
    >
      <td>
        <button
          type="button"
          className={styles.token}
          title={row.token}
          aria-label={`Show details for ${row.token}`}
          aria-expanded={selected}
          aria-controls={detailsId}
          onClick={(event) => {
            event.stopPropagation();
            onSelect(row.token);
          }}
        >
          <code>{shortenToken(row.token)}</code>
        </button>{' '}
        <Button
          size="small"
          aria-label={`Copy ${row.token}`}
          onClick={(event) => {
            event.stopPropagation();
            onCopy(row.token);
          }}
        >
          Copy
        </Button>
      </td>
      <td>{row.environment}</td>
      <td>
        <StatusBadge tone={BATCH_STATUS_TONES[row.status]}>{row.status}</StatusBadge>
      </td>
      <td>{row.expiration && <Timestamp value={row.expiration} />}</td>
      <td>{row.sessionCount ?? ''}</td>
      <td>{row.lastSessionOutcome ?? (row.sessionCount === 0 ? 'No sessions in the last 6 hours' : '')}</td>
      <td>
        {row.lastEventName && (
          <>
            <code>{row.lastEventName}</code> {row.lastEventAt && <Timestamp value={row.lastEventAt} />}
          </>
        )}
      </td>
      <td title={row.errorMessage ?? undefined}>{row.errorCode && <code>{row.errorCode}</code>}</td>
    </tr>
  );
});

type BatchTableProps = {
  rows: readonly BatchRow[];
  // null: the order the tokens were pasted in.
  sort: Sort | null;
  onSortChange: (sort: Sort) => void;
  selectedToken: string | null;
  detailsId: string;
  onSelect: (token: string) => void;
};

export function BatchTable({
  rows,
  sort,
  onSortChange,
  selectedToken,
  detailsId,
  onSelect,
}: BatchTableProps) {
  const [copyMessage, setCopyMessage] = useState('');

  // Stable, so that memoised rows do not re-render for a new function.
  const copy = useCallback(async (token: string) => {
    try {
      await navigator.clipboard.writeText(token);
      setCopyMessage(`Copied ${shortenToken(token)} to the clipboard.`);
    } catch {
      // Clipboard access is refused on insecure origins and in some embedded browsers.
      setCopyMessage('Could not copy: open the details and select the token instead.');
    }
  }, []);

  function sortBy(key: SortKey) {
    const direction = sort?.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending';
    onSortChange({ key, direction });
  }

  return (
    <div>
      <div className={styles.scroll}>
        <table className={styles.table}>
          <caption>
            <VisuallyHidden>Batch results; select a column header to sort</VisuallyHidden>
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={sort?.key === column.key ? sort.direction : undefined}
                >
                  <button type="button" onClick={() => sortBy(column.key)}>
                    {column.label}
                    <span aria-hidden="true">
                      {sort?.key === column.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <TableRow
                key={row.token}
                row={row}
                selected={row.token === selectedToken}
                detailsId={detailsId}
                onSelect={onSelect}
                onCopy={copy}
              />
            ))}
          </tbody>
        </table>
      </div>
      <VisuallyHidden role="status">{copyMessage}</VisuallyHidden>
    </div>
  );
}
