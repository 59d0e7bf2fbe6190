import type { BatchRow } from './batch-row';
import { ROW_VERDICTS, type RowVerdict } from './row-verdict';
import { FACETS, matchesFacets, matchesText, type Facet, type RowFilter } from './sort-filter-rows';

// The counts at the top of the batch view. Each group counts the rows that the other groups' choices
// (and the text filter) let through, so a count is what choosing it would show: with "Failed"
// chosen, the institutions count failed tokens only.

export type FacetCount = { value: string; count: number; selected: boolean };
export type Breakdown = Readonly<Record<Facet, readonly FacetCount[]>>;

function countValues(rows: readonly BatchRow[], facet: Facet): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = row[facet];
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

// Verdicts keep the fixed worst-first order (a button does not jump while a batch runs); the other
// groups go by count, largest first.
function ordered(facet: Facet, counts: Map<string, number>): [string, number][] {
  const entries = [...counts];
  if (facet === 'verdict') {
    const rank = (value: string) => ROW_VERDICTS.indexOf(value as RowVerdict);
    return entries.sort(([a], [b]) => rank(a) - rank(b));
  }
  return entries.sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b));
}

export function breakdown(rows: readonly BatchRow[], filter: RowFilter): Breakdown {
  const textMatches = rows.filter((row) => matchesText(row, filter.text));
  const groups = FACETS.map((facet) => {
    const selected = filter.facets[facet];
    const counts = countValues(
      textMatches.filter((row) => matchesFacets(row, filter.facets, facet)),
      facet,
    );
    // A chosen value stays on screen at 0, so that it can be unchosen.
    for (const value of selected) if (!counts.has(value)) counts.set(value, 0);
    const values = ordered(facet, counts).map(([value, count]) => ({
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
  const counts = countValues(rows, 'verdict');
  return ROW_VERDICTS.filter((verdict) => counts.has(verdict)).map((verdict) => ({
    verdict,
    count: counts.get(verdict)!,
  }));
}
