import { describe, expect, it } from 'vitest';
import {
  banksByFailures,
  facetCounts,
  NO_FACETS,
  verdictTotals,
  type BreakdownFacts,
  type ValueCount,
} from './breakdown-rules';

function facts(values: Partial<BreakdownFacts>): BreakdownFacts {
  return {
    verdict: 'linked',
    error_code: null,
    institution: null,
    exit_status: null,
    institution_id: null,
    ...values,
  };
}

const down = (institution: string, institution_id: string) =>
  facts({
    verdict: 'failed',
    error_code: 'INSTITUTION_DOWN',
    exit_status: 'requires_credentials',
    institution,
    institution_id,
  });
const tokens = [
  down('Houndstooth Bank', 'ins_1'),
  down('Houndstooth Bank', 'ins_1'),
  down('Tartan Bank', 'ins_2'),
  facts({
    verdict: 'failed',
    error_code: 'INVALID_CREDENTIALS',
    institution: 'Tartan Bank',
    institution_id: 'ins_2',
  }),
  facts({ institution: 'Tartan Bank', institution_id: 'ins_2' }),
  facts({ verdict: 'abandoned', institution: 'Gingham Bank', institution_id: 'ins_3' }),
  facts({ verdict: 'never opened' }),
];

const counts = (values: readonly ValueCount[]) => values.map(({ value, count }) => `${value} ${count}`);

describe('facetCounts', () => {
  it('counts verdicts worst first and the other groups largest first, then by name', () => {
    const groups = facetCounts(tokens, NO_FACETS);
    expect(counts(groups.verdict)).toEqual(['failed 4', 'abandoned 1', 'never opened 1', 'linked 1']);
    expect(counts(groups.error_code)).toEqual(['INSTITUTION_DOWN 3', 'INVALID_CREDENTIALS 1']);
    expect(counts(groups.institution)).toEqual(['Tartan Bank 3', 'Houndstooth Bank 2', 'Gingham Bank 1']);
    expect(counts(groups.exit_status)).toEqual(['requires_credentials 3']);
  });

  it('counts a group within the other groups’ choices, not its own', () => {
    const groups = facetCounts(tokens, { ...NO_FACETS, verdict: ['failed'] });
    expect(counts(groups.institution)).toEqual(['Houndstooth Bank 2', 'Tartan Bank 2']);
    expect(counts(groups.verdict)).toEqual(['failed 4', 'abandoned 1', 'never opened 1', 'linked 1']);
  });

  it('keeps a chosen value that nothing matches at 0, so it can be unchosen', () => {
    const groups = facetCounts(tokens, {
      ...NO_FACETS,
      verdict: ['linked'],
      error_code: ['INSTITUTION_DOWN'],
    });
    expect(counts(groups.error_code)).toEqual(['INSTITUTION_DOWN 0']);
    expect(counts(groups.verdict)).toEqual(['failed 3', 'linked 0']);
  });

  it('puts verdicts the order does not know after the ones it does', () => {
    const groups = facetCounts([facts({ verdict: 'pending' }), ...tokens], NO_FACETS);
    expect(groups.verdict.at(-1)).toEqual({ value: 'pending', count: 1 });
  });
});

describe('verdictTotals', () => {
  it('counts the whole set by verdict, worst first', () => {
    expect(counts(verdictTotals(tokens))).toEqual(['failed 4', 'abandoned 1', 'never opened 1', 'linked 1']);
  });
});

describe('banksByFailures', () => {
  it('ranks banks with failed tokens by failures, with their most frequent error codes', () => {
    expect(banksByFailures(tokens)).toEqual([
      {
        institution: 'Tartan Bank',
        institution_id: 'ins_2',
        failed: 2,
        total: 3,
        top_error_codes: [
          { value: 'INSTITUTION_DOWN', count: 1 },
          { value: 'INVALID_CREDENTIALS', count: 1 },
        ],
      },
      {
        institution: 'Houndstooth Bank',
        institution_id: 'ins_1',
        failed: 2,
        total: 2,
        top_error_codes: [{ value: 'INSTITUTION_DOWN', count: 2 }],
      },
    ]);
  });
});
