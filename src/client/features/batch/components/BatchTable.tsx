import { Fragment, memo, type ReactNode } from 'react';
import { ACTOR_LABELS, STEP_LABELS } from '../../../../shared/diagnosis';
import { TOKEN_STATUS_LABELS } from '../../../../shared/domain/token-status';
import formStyles from '../../../components/form.module.css';
import { PlaidCode } from '../../../components/PlaidCode';
import { StatusBadge } from '../../../components/StatusBadge';
import { Timestamp } from '../../../components/Timestamp';
import { VisuallyHidden } from '../../../components/VisuallyHidden';
import type { BatchRow } from '../lib/batch-row';
import { ROW_VERDICT_LABELS, ROW_VERDICT_TONES } from '../lib/row-verdict';
import { rowGroups, type Sort, type SortKey } from '../lib/sort-filter-rows';
import styles from './BatchTable.module.css';

// The batch table. It scrolls with the page (the header sticks to the top of the window), so the
// whole height of the screen shows rows. Its rows are laid out as grids, not as a CSS table, so
// that the browser can skip the rows off screen while answers stream in; as it gets narrower (a
// small window, or the drawer open beside it) the least needed columns go first (priority 2, then
// 1), and below that each row becomes a card of labelled values. BatchTable.module.css decides.

type Column = {
  key: SortKey;
  label: string;
  // 0: always shown; 1 and 2: hidden as the table gets narrower, 2 first.
  priority: 0 | 1 | 2;
  cell: (row: BatchRow) => ReactNode;
};

const COLUMNS: Column[] = [
  {
    key: 'verdict',
    label: 'Verdict',
    priority: 0,

    cell: (row) => (
      <StatusBadge tone={ROW_VERDICT_TONES[row.verdict]}>{ROW_VERDICT_LABELS[row.verdict]}</StatusBadge>
    ),
  },
  {
    key: 'actor',
    label: 'Who acts next',
    priority: 0,

    cell: (row) => row.actor && ACTOR_LABELS[row.actor],
  },
  {
    key: 'errorCode',
    label: 'Error code',
    priority: 0,

    cell: (row) => row.errorCode && <PlaidCode>{row.errorCode}</PlaidCode>,
  },
  {
    key: 'exitStatus',
    label: 'Exit status',
    priority: 1,

    cell: (row) => row.exitStatus && <PlaidCode>{row.exitStatus}</PlaidCode>,
  },
  { key: 'institution', label: 'Institution', priority: 0, cell: (row) => row.institution },
  {
    key: 'stepReached',
    label: 'Step reached',
    priority: 0,

    cell: (row) => row.stepReached && STEP_LABELS[row.stepReached],
  },
  {
    key: 'lastActivityAt',
    label: 'Last activity',
    priority: 1,

    cell: (row) => row.lastActivityAt && <Timestamp value={row.lastActivityAt} timeOnly />,
  },
  {
    key: 'validity',
    label: 'Token validity',
    priority: 2,

    cell: (row) => row.validity && TOKEN_STATUS_LABELS[row.validity],
  },
  { key: 'sessionCount', label: 'Sessions', priority: 2, cell: (row) => row.sessionCount },
];

const SORT_OPTIONS: { key: SortKey; label: string }[] = [
  { key: 'token', label: 'Token' },
  ...COLUMNS.map(({ key, label }) => ({ key, label })),
];

const PRIORITY_CLASSES = ['', styles.priority1, styles.priority2] as const;

// A token's label (lib/token-labels.ts), free to break after a hyphen or the ellipsis when the
// column is narrow.
function TokenLabel({ label }: { label: string }) {
  return (
    <code>
      {label.split(/(?<=[-…])/).map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </code>
  );
}

// The id of a row's token button, for moving focus to it (J / K, closing the drawer).
export function rowButtonId(tableId: string, token: string): string {
  return `${tableId}-${token}`;
}

type RowProps = {
  row: BatchRow;
  label: string;
  selected: boolean;
  tableId: string;
  drawerId: string;
  onSelect: (token: string) => void;
};

// Memoised: while a batch runs only the rows whose answers arrived re-render, not all 500.
// Explicit roles: a table laid out with CSS grid instead of CSS table loses its table semantics in
// some browsers otherwise.
const TableRow = memo(function TableRow({ row, label, selected, tableId, drawerId, onSelect }: RowProps) {
  return (
    <tr
      role="row"
      className={selected ? `${styles.row} ${styles.selected}` : styles.row}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onSelect(row.token)}
    >
      <td role="cell" className={styles.tokenCell}>
        <button
          type="button"
          id={rowButtonId(tableId, row.token)}
          className={styles.token}
          title={row.token}
          aria-label={`Show details for ${row.token}`}
          aria-expanded={selected}
          aria-controls={selected ? drawerId : undefined}
          onClick={(event) => {
            event.stopPropagation();
            onSelect(row.token);
          }}
        >
          <TokenLabel label={label} />
        </button>
      </td>
      {COLUMNS.map((column) => {
        const content = column.cell(row);
        return (
          <td
            role="cell"
            key={column.key}
            data-label={column.label}
            className={column.key === 'verdict' ? styles.verdictCell : PRIORITY_CLASSES[column.priority]}
          >
            {content === null || content === '' ? null : content}
          </td>
        );
      })}
    </tr>
  );
});

type BatchTableProps = {
  rows: readonly BatchRow[];
  labels: ReadonlyMap<string, string>;
  // null: the order the tokens were pasted in.
  sort: Sort | null;
  onSortChange: (sort: Sort | null) => void;
  selectedToken: string | null;
  tableId: string;
  drawerId: string;
  onSelect: (token: string) => void;
};

export function BatchTable({
  rows,
  labels,
  sort,
  onSortChange,
  selectedToken,
  tableId,
  drawerId,
  onSelect,
}: BatchTableProps) {
  function sortBy(key: SortKey) {
    const direction = sort?.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending';
    onSortChange({ key, direction });
  }

  const headers = [{ key: 'token' as const, label: 'Token', priority: 0 }, ...COLUMNS];
  return (
    <div className={styles.container}>
      {/* Cards have no column headers to click: a menu sorts them instead. */}
      <label className={styles.cardSort}>
        Sort by{' '}
        <select
          className={formStyles.input}
          value={sort ? `${sort.key} ${sort.direction}` : ''}
          onChange={(event) => {
            const [key, direction] = event.target.value.split(' ') as [SortKey, Sort['direction']];
            onSortChange(event.target.value === '' ? null : { key, direction });
          }}
        >
          <option value="">Order pasted</option>
          {SORT_OPTIONS.flatMap(({ key, label }) => [
            <option key={`${key} ascending`} value={`${key} ascending`}>
              {label} ▲
            </option>,
            <option key={`${key} descending`} value={`${key} descending`}>
              {label} ▼
            </option>,
          ])}
        </select>
      </label>
      <table role="table" className={styles.table} id={tableId}>
        <caption>
          <VisuallyHidden>
            Batch results; select a column header to sort, a token to see its details
          </VisuallyHidden>
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            {headers.map((column) => (
              <th
                role="columnheader"
                key={column.key}
                scope="col"
                className={PRIORITY_CLASSES[column.priority]}
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
        {rowGroups(rows, sort).map((group) => (
          <tbody role="rowgroup" key={group.key}>
            {group.rows.map((row) => (
              <TableRow
                key={row.token}
                row={row}
                label={labels.get(row.token) ?? row.token}
                selected={row.token === selectedToken}
                tableId={tableId}
                drawerId={drawerId}
                onSelect={onSelect}
              />
            ))}
          </tbody>
        ))}
      </table>
      {rows.length === 0 && <p className={styles.empty}>No rows match the filters.</p>}
    </div>
  );
}
