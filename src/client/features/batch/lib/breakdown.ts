import { facetCounts, verdictTotals as countVerdicts } from '../../../../shared/diagnosis/breakdown-rules';
import { breakdownFacts, type BatchRow } from './batch-row';
import { ROW_VERDICTS, type RowVerdict } from './row-verdict';
import { FACETS, matchesText, type Facet, type RowFilter } from './sort-filter-rows';

// The counts at the top of the batch view, by the rules History counts by
// (shared/diagnosis/breakdown-rules.ts), over the rows the text filter lets through.

export type FacetCount = { value: string; count: number; selected: boolean };
export type Breakdown = Readonly<Record<Facet, readonly FacetCount[]>>;

export function breakdown(rows: readonly BatchRow[], filter: RowFilter): Breakdown {
  const facts = rows.filter((row) => matchesText(row, filter.text)).map(breakdownFacts);
  const counts = facetCounts(facts, filter.facets, ROW_VERDICTS);
  const groups = FACETS.map((facet) => {
    const selected = filter.facets[facet];
    const values = counts[facet].map(({ value, count }) => ({
      value,
      count,
      selected: selected.includes(value),
    }));
    return [facet, values] as const;
  });
  return Object.fromEntries(groups) as Record<Facet, FacetCount[]>;
}

export type VerdictTotal = { verdict: RowVerdict; count: number };

// The whole batch by verdict, worst first, for the proportional bar.
export function verdictTotals(rows: readonly BatchRow[]): VerdictTotal[] {
  return countVerdicts(rows.map(breakdownFacts), ROW_VERDICTS).map(({ value, count }) => ({
    verdict: value as RowVerdict,
    count,
  }));
}
