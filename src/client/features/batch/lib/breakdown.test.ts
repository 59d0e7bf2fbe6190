import { describe, expect, it } from 'vitest';
import { pendingRow, type BatchRow } from './batch-row';
import { breakdown, verdictTotals } from './breakdown';
import { NO_FACETS, NO_FILTER } from './sort-filter-rows';

function row(n: number, values: Partial<BatchRow>): BatchRow {
  return { ...pendingRow(`link-sandbox-${n}`, 'pending'), ...values };
}

const down = (n: number, institution: string) =>
  row(n, {
    verdict: 'failed',
    errorCode: 'INSTITUTION_DOWN',
    exitStatus: 'requires_credentials',
    institution,
  });
const rows = [
  down(1, 'Houndstooth Bank'),
  down(2, 'Houndstooth Bank'),
  down(3, 'Tartan Bank'),
  row(4, { verdict: 'linked', institution: 'Tartan Bank' }),
  row(5, { verdict: 'linked', institution: 'Tartan Bank' }),
  row(6, { verdict: 'lookup failed', errorCode: 'INVALID_LINK_TOKEN' }),
  row(7, { verdict: 'pending' }),
];

const counts = (values: readonly { value: string; count: number }[]) =>
  values.map(({ value, count }) => `${value} ${count}`);

describe('breakdown', () => {
  it('counts each group, verdicts worst first and the rest largest first', () => {
    const groups = breakdown(rows, NO_FILTER);
    expect(counts(groups.verdict)).toEqual(['failed 3', 'lookup failed 1', 'linked 2', 'pending 1']);
    expect(counts(groups.error_code)).toEqual(['INSTITUTION_DOWN 3', 'INVALID_LINK_TOKEN 1']);
    expect(counts(groups.institution)).toEqual(['Tartan Bank 3', 'Houndstooth Bank 2']);
    expect(counts(groups.exit_status)).toEqual(['requires_credentials 3']);
  });

  it('counts a group within the other groups’ choices, so a count is what choosing it shows', () => {
    const groups = breakdown(rows, { text: '', facets: { ...NO_FACETS, verdict: ['failed'] } });
    expect(counts(groups.institution)).toEqual(['Houndstooth Bank 2', 'Tartan Bank 1']);
    // Its own group is not narrowed by its own choice: the other verdicts can still be added.
    expect(counts(groups.verdict)).toEqual(['failed 3', 'lookup failed 1', 'linked 2', 'pending 1']);
    expect(groups.verdict.find((entry) => entry.value === 'failed')?.selected).toBe(true);
    expect(groups.verdict.find((entry) => entry.value === 'linked')?.selected).toBe(false);
  });

  it('keeps a chosen value that no longer matches, at 0, so it can be unchosen', () => {
    const groups = breakdown(rows, {
      text: '',
      facets: { ...NO_FACETS, verdict: ['linked'], error_code: ['INVALID_LINK_TOKEN'] },
    });
    expect(counts(groups.error_code)).toEqual(['INVALID_LINK_TOKEN 0']);
  });

  it('counts only the rows the text filter lets through', () => {
    const groups = breakdown(rows, { ...NO_FILTER, text: 'houndstooth' });
    expect(counts(groups.verdict)).toEqual(['failed 2']);
  });
});

describe('verdictTotals', () => {
  it('counts the whole batch by verdict, worst first, whatever is filtered', () => {
    expect(verdictTotals(rows)).toEqual([
      { verdict: 'failed', count: 3 },
      { verdict: 'lookup failed', count: 1 },
      { verdict: 'linked', count: 2 },
      { verdict: 'pending', count: 1 },
    ]);
  });
});
