import { describe, expect, it } from 'vitest';
import { filterWords } from './filter-words';
import { NO_FACETS, NO_FILTER } from './sort-filter-rows';

describe('filterWords', () => {
  it('names each group chosen in the breakdown’s words, values of one group joined by "or"', () => {
    expect(
      filterWords({
        text: '  tartan ',
        facets: { ...NO_FACETS, verdict: ['failed', 'lookup failed'], institution: ['Tartan Bank'] },
      }),
    ).toBe('Verdict: Failed or Lookup failed; Institution: Tartan Bank; text "tartan"');
  });

  it('is null without a filter', () => {
    expect(filterWords(NO_FILTER)).toBeNull();
    expect(filterWords({ ...NO_FILTER, text: '   ' })).toBeNull();
  });
});
