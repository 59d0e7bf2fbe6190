import { describe, expect, it } from 'vitest';
import { pendingRow, type BatchRow } from './batch-row';
import {
  filterRows,
  isFiltered,
  NO_FACETS,
  NO_FILTER,
  rowGroups,
  sortRows,
  toggleFacet,
  WORST_FIRST,
} from './sort-filter-rows';

function row(token: string, values: Partial<BatchRow>): BatchRow {
  return { ...pendingRow(`link-sandbox-${token}`, 'pending'), ...values };
}

const a = row('a', {
  verdict: 'linked',
  institution: 'First Platypus Bank',
  stepReached: 'hand-off',
  sessionCount: 10,
  lastActivityAt: '2026-11-25T09:00:00Z',
  actor: 'nobody',
});
const b = row('b', { verdict: 'lookup failed', errorCode: 'INVALID_LINK_TOKEN', actor: 'inspector user' });
const c = row('c', {
  verdict: 'failed',
  errorCode: 'INSTITUTION_DOWN',
  exitStatus: 'requires_credentials',
  institution: 'Houndstooth Bank',
  stepReached: 'credentials',
  sessionCount: 2,
  lastActivityAt: '2026-11-25T10:00:00+02:00',
  actor: 'nobody',
});
const d = row('d', {
  verdict: 'failed',
  errorCode: 'INVALID_CREDENTIALS',
  exitStatus: 'requires_credentials',
  institution: 'First Platypus Bank',
  stepReached: 'mfa',
  actor: 'end user',
});

const tokens = (rows: BatchRow[]) => rows.map((r) => r.token.slice(-1));

describe('sortRows', () => {
  it('sorts verdicts worst first, not alphabetically', () => {
    expect(tokens(sortRows([a, b, c], { key: 'verdict', direction: 'ascending' }))).toEqual(['c', 'b', 'a']);
  });

  it('sorts steps in the order Link goes through them, empty cells last either way', () => {
    expect(tokens(sortRows([a, b, c, d], { key: 'stepReached', direction: 'ascending' }))).toEqual([
      'c',
      'd',
      'a',
      'b',
    ]);
    expect(tokens(sortRows([a, b, c, d], { key: 'stepReached', direction: 'descending' }))).toEqual([
      'a',
      'd',
      'c',
      'b',
    ]);
  });

  it('sorts counts as numbers and times as instants whatever their offset', () => {
    expect(tokens(sortRows([a, b, c], { key: 'sessionCount', direction: 'ascending' }))).toEqual([
      'c',
      'a',
      'b',
    ]);
    // c is 08:00 UTC, before a's 09:00.
    expect(tokens(sortRows([b, a, c], { key: 'lastActivityAt', direction: 'ascending' }))).toEqual([
      'c',
      'a',
      'b',
    ]);
  });

  it('keeps the pasted order among equals', () => {
    expect(tokens(sortRows([d, a, c], { key: 'institution', direction: 'ascending' }))).toEqual([
      'd',
      'a',
      'c',
    ]);
  });
});

describe('rowGroups', () => {
  const pending = row('e', {});
  const groups = (rows: BatchRow[], sort: Parameters<typeof rowGroups>[1]) =>
    rowGroups(rows, sort).map((group) => [group.key, tokens(group.rows)]);

  it('puts the rows sorted by verdict in one group per verdict, in their order', () => {
    expect(groups(sortRows([pending, a, b, c, d], WORST_FIRST), WORST_FIRST)).toEqual([
      ['failed', ['c', 'd']],
      ['lookup failed', ['b']],
      ['linked', ['a']],
      ['pending', ['e']],
    ]);
    const bestFirst = { key: 'verdict', direction: 'descending' } as const;
    expect(groups(sortRows([a, c, d], bestFirst), bestFirst)).toEqual([
      ['linked', ['a']],
      ['failed', ['c', 'd']],
    ]);
  });

  it('keeps the rows in one group in any other order', () => {
    expect(groups([d, a, c], { key: 'institution', direction: 'ascending' })).toEqual([
      ['rows', ['d', 'a', 'c']],
    ]);
    expect(groups([d, a], null)).toEqual([['rows', ['d', 'a']]]);
  });
});

describe('filterRows', () => {
  const all = [a, b, c, d];

  it('shows the rows of any value chosen within a group', () => {
    const facets = { ...NO_FACETS, error_code: ['INSTITUTION_DOWN', 'INVALID_LINK_TOKEN'] };
    expect(tokens(filterRows(all, { text: '', facets }))).toEqual(['b', 'c']);
  });

  it('combines groups: every group’s choice must hold', () => {
    const facets = { ...NO_FACETS, verdict: ['failed'], institution: ['First Platypus Bank'] };
    expect(tokens(filterRows(all, { text: '', facets }))).toEqual(['d']);
  });

  it('matches text case-insensitively against the words the table shows', () => {
    const find = (text: string) => tokens(filterRows(all, { ...NO_FILTER, text }));
    expect(find('invalid_link')).toEqual(['b']);
    expect(find('platypus')).toEqual(['a', 'd']);
    expect(find('lookup failed')).toEqual(['b']);
    expect(find('security check')).toEqual(['d']);
    expect(find('the end user')).toEqual(['d']);
    expect(find('sandbox-c')).toEqual(['c']);
  });
});

describe('toggleFacet and isFiltered', () => {
  it('adds and removes a value, and knows when nothing is chosen', () => {
    const once = toggleFacet(NO_FACETS, 'verdict', 'failed');
    expect(once.verdict).toEqual(['failed']);
    expect(isFiltered({ text: '', facets: once })).toBe(true);
    const twice = toggleFacet(once, 'verdict', 'failed');
    expect(twice.verdict).toEqual([]);
    expect(isFiltered({ text: ' ', facets: twice })).toBe(false);
  });
});
