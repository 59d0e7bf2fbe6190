import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { pendingRow, type BatchRow } from '../lib/batch-row';
import { sortRows, WORST_FIRST } from '../lib/sort-filter-rows';
import { BatchTable } from './BatchTable';

// While a batch runs, each update of the view brings a few answers: their rows go to their
// verdict's place in the worst-first order, and the rows already there stay where they are in the
// page (moving hundreds of rows on every update made the view slow; see rowGroups).

function token(index: number): string {
  return `link-sandbox-${String(index).padStart(8, '0')}-0000-4000-8000-000000000000`;
}

function row(index: number, verdict: BatchRow['verdict']): BatchRow {
  return { ...pendingRow(token(index), 'pending'), verdict };
}

function table(rows: BatchRow[]) {
  const sorted = sortRows(rows, WORST_FIRST);
  return (
    <BatchTable
      rows={sorted}
      labels={new Map()}
      sort={WORST_FIRST}
      onSortChange={() => {}}
      selectedToken={null}
      tableId="table"
      drawerId="drawer"
      onSelect={() => {}}
    />
  );
}

function shownTokens(): string[] {
  return within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((tableRow) => within(tableRow).getByRole('button').getAttribute('title') ?? '');
}

describe('BatchTable while answers arrive', () => {
  it('puts a newly failed row first and moves no other row in the page', () => {
    const before = [
      row(1, 'linked'),
      row(2, 'linked'),
      row(3, 'abandoned'),
      row(4, 'linked'),
      row(5, 'pending'),
      row(6, 'pending'),
      row(7, 'pending'),
    ];
    const { rerender } = render(table(before));
    expect(shownTokens()).toEqual([3, 1, 2, 4, 5, 6, 7].map(token));

    const moved: string[] = [];
    const observer = new MutationObserver(() => {});
    observer.observe(screen.getByRole('table'), { childList: true, subtree: true });
    // Token 6 failed, token 7 linked.
    rerender(table(before.map((r, i) => (i === 5 ? row(6, 'failed') : i === 6 ? row(7, 'linked') : r))));
    for (const record of observer.takeRecords())
      for (const node of record.removedNodes)
        if (node instanceof HTMLTableRowElement)
          moved.push(within(node).getByRole('button').getAttribute('title') ?? '');
    observer.disconnect();

    expect(shownTokens()).toEqual([6, 3, 1, 2, 4, 7, 5].map(token));
    // Only the two answered rows left their place.
    expect(moved.sort()).toEqual([token(6), token(7)]);
  });
});
