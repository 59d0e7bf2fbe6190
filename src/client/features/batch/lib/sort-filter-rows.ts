import type { BatchRow, BatchStatus } from './batch-row';

// Sorting and filtering of the batch table, kept out of the component so the rules are tested
// directly: empty cells always sort last, times compare as instants, counts as numbers.

export type SortKey =
  | 'token'
  | 'environment'
  | 'status'
  | 'expiration'
  | 'sessionCount'
  | 'lastSessionOutcome'
  | 'lastEventAt'
  | 'errorCode';
export type SortDirection = 'ascending' | 'descending';
export type Sort = { key: SortKey; direction: SortDirection };

export type RowFilter = { text: string; status: BatchStatus | 'all' };

function sortValue(row: BatchRow, key: SortKey): string | number | null {
  switch (key) {
    case 'expiration':
    case 'lastEventAt': {
      const time = row[key] ? Date.parse(row[key]) : NaN;
      return Number.isNaN(time) ? null : time;
    }
    default:
      return row[key];
  }
}

function compareValues(left: string | number, right: string | number): number {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return String(left).localeCompare(String(right));
}

export function sortRows(rows: readonly BatchRow[], sort: Sort): BatchRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = sortValue(a, sort.key);
    const right = sortValue(b, sort.key);
    if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
    return sign * compareValues(left, right);
  });
}

export function filterRows(rows: readonly BatchRow[], filter: RowFilter): BatchRow[] {
  const needle = filter.text.trim().toLowerCase();
  return rows.filter((row) => {
    if (filter.status !== 'all' && row.status !== filter.status) return false;
    if (needle === '') return true;
    return [row.token, row.environment, row.status, row.lastSessionOutcome, row.lastEventName, row.errorCode]
      .filter((value): value is string => value !== null)
      .some((value) => value.toLowerCase().includes(needle));
  });
}
