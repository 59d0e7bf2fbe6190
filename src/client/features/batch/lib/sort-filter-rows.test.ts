import { describe, expect, it } from 'vitest';
import { pendingRow, type BatchRow } from './batch-row';
import { filterRows, sortRows } from './sort-filter-rows';

function row(token: string, values: Partial<BatchRow>): BatchRow {
  return { ...pendingRow(`link-sandbox-${token}`, 'Pending'), ...values };
}

const a = row('a', {
  status: 'Active',
  sessionCount: 10,
  expiration: '2026-11-25T09:00:00Z',
  lastEventName: 'OPEN',
});
const b = row('b', { status: 'Error', errorCode: 'INVALID_LINK_TOKEN' });
const c = row('c', { status: 'Expired', sessionCount: 2, expiration: '2026-11-25T01:00:00+02:00' });

const tokens = (rows: BatchRow[]) => rows.map((r) => r.token.slice(-1));

describe('sortRows', () => {
  it('sorts counts as numbers, not as text', () => {
    expect(tokens(sortRows([a, b, c], { key: 'sessionCount', direction: 'ascending' }))).toEqual([
      'c',
      'a',
      'b',
    ]);
    expect(tokens(sortRows([a, b, c], { key: 'sessionCount', direction: 'descending' }))).toEqual([
      'a',
      'c',
      'b',
    ]);
  });

  it('sorts times as instants whatever their offset, empty cells last in both directions', () => {
    expect(tokens(sortRows([b, a, c], { key: 'expiration', direction: 'ascending' }))).toEqual([
      'c',
      'a',
      'b',
    ]);
    expect(tokens(sortRows([b, a, c], { key: 'expiration', direction: 'descending' }))).toEqual([
      'a',
      'c',
      'b',
    ]);
  });

  it('sorts text columns alphabetically', () => {
    expect(tokens(sortRows([b, c, a], { key: 'status', direction: 'ascending' }))).toEqual(['a', 'b', 'c']);
  });
});

describe('filterRows', () => {
  it('filters by status', () => {
    expect(tokens(filterRows([a, b, c], { text: '', status: 'Error' }))).toEqual(['b']);
  });

  it('matches the text case-insensitively against token, error code and event', () => {
    expect(tokens(filterRows([a, b, c], { text: 'invalid_link', status: 'all' }))).toEqual(['b']);
    expect(tokens(filterRows([a, b, c], { text: 'open', status: 'all' }))).toEqual(['a']);
    expect(tokens(filterRows([a, b, c], { text: 'sandbox-c', status: 'all' }))).toEqual(['c']);
    expect(tokens(filterRows([a, b, c], { text: 'sandbox-c', status: 'Active' }))).toEqual([]);
  });
});
