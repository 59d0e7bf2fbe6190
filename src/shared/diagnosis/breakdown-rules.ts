import type { LookupVerdict, Verdict } from './verdict';

// How a set of diagnosed tokens is counted, for batch (in the browser, over its rows) and History
// (in SQL, over the store: store/history.ts follows these rules and its tests hold it to them).

export type CountedVerdict = Verdict | LookupVerdict;

// Worst first: the order of the breakdown, the bar and sorting by verdict, so that what needs
// someone's attention comes first and each verdict keeps its place while counts change.
export const VERDICTS_WORST_FIRST: readonly CountedVerdict[] = [
  'failed',
  'lookup failed',
  'abandoned',
  'expired unused',
  'in progress',
  'never opened',
  'no session data',
  'linked',
];

// The groups of the breakdown; each chosen value filters the set. Values chosen in one group widen
// it (any of them), groups narrow each other (all of them).
export const BREAKDOWN_FACETS = ['verdict', 'error_code', 'institution', 'exit_status'] as const;
export type BreakdownFacet = (typeof BREAKDOWN_FACETS)[number];
export type FacetSelection = Readonly<Record<BreakdownFacet, readonly string[]>>;
export const NO_FACETS: FacetSelection = { verdict: [], error_code: [], institution: [], exit_status: [] };

// What the rules read of one token.
export type BreakdownFacts = Readonly<Record<BreakdownFacet, string | null>> & {
  institution_id: string | null;
  // How many tokens have these facts (1 when absent): History's SQL counts tokens grouped by them.
  tokens?: number;
};

export type ValueCount = { value: string; count: number };

// The verdict that counts as a failure when banks are ranked.
const FAILED: CountedVerdict = 'failed';
// The banks panel shows this many, most failures first, each with this many error codes.
export const BANKS_SHOWN = 10;
export const BANK_ERROR_CODES_SHOWN = 3;

// `except`: a group left out, to count what choosing a value of that group would show.
export function matchesFacets(
  facts: BreakdownFacts,
  selection: FacetSelection,
  except?: BreakdownFacet,
): boolean {
  return BREAKDOWN_FACETS.every((facet) => {
    const chosen = selection[facet];
    if (facet === except || chosen.length === 0) return true;
    const value = facts[facet];
    return value !== null && chosen.includes(value);
  });
}

function countValues(all: readonly BreakdownFacts[], facet: BreakdownFacet): Map<string, number> {
  const counts = new Map<string, number>();
  for (const facts of all) {
    const value = facts[facet];
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + (facts.tokens ?? 1));
  }
  return counts;
}

// Verdicts keep their fixed order (`verdictOrder`, worst first; batch adds its own after them); the
// other groups go by count, largest first, then by value.
export function orderCounts(
  facet: BreakdownFacet,
  counts: ReadonlyMap<string, number>,
  verdictOrder: readonly string[] = VERDICTS_WORST_FIRST,
): ValueCount[] {
  const entries = [...counts].map(([value, count]) => ({ value, count }));
  if (facet === 'verdict') {
    const rank = (value: string) => {
      const index = verdictOrder.indexOf(value);
      return index === -1 ? verdictOrder.length : index;
    };
    return entries.sort((a, b) => rank(a.value) - rank(b.value) || a.value.localeCompare(b.value));
  }
  return entries.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

// Each group counts the tokens that the other groups' choices let through, so a count is what
// choosing it would show: with "Failed" chosen, the institutions count failed tokens only. A chosen
// value stays at 0 when nothing matches it, so that it can be unchosen.
export function facetCounts(
  all: readonly BreakdownFacts[],
  selection: FacetSelection,
  verdictOrder: readonly string[] = VERDICTS_WORST_FIRST,
): Record<BreakdownFacet, ValueCount[]> {
  const groups = BREAKDOWN_FACETS.map((facet) => {
    const counts = countValues(
      all.filter((facts) => matchesFacets(facts, selection, facet)),
      facet,
    );
    for (const value of selection[facet]) if (!counts.has(value)) counts.set(value, 0);
    return [facet, orderCounts(facet, counts, verdictOrder)] as const;
  });
  return Object.fromEntries(groups) as Record<BreakdownFacet, ValueCount[]>;
}

// The whole set by verdict, worst first, for the proportional bar (only verdicts present).
export function verdictTotals(
  all: readonly BreakdownFacts[],
  verdictOrder: readonly string[] = VERDICTS_WORST_FIRST,
): ValueCount[] {
  return orderCounts('verdict', countValues(all, 'verdict'), verdictOrder);
}

export type BankFailures = {
  institution: string;
  // The greatest id its tokens give it (one name, one id in practice; the greatest keeps it stable).
  institution_id: string | null;
  failed: number;
  total: number;
  // Its failed tokens' most frequent error codes, most first.
  top_error_codes: ValueCount[];
};

// The banks with at least one failed token, most failures first (then most tokens, then by name).
export function banksByFailures(all: readonly BreakdownFacts[]): BankFailures[] {
  const banks = new Map<
    string,
    { institution_id: string | null; failed: number; total: number; codes: Map<string, number> }
  >();
  for (const facts of all) {
    if (facts.institution === null) continue;
    const bank = banks.get(facts.institution) ?? {
      institution_id: null,
      failed: 0,
      total: 0,
      codes: new Map(),
    };
    banks.set(facts.institution, bank);
    const tokens = facts.tokens ?? 1;
    bank.total += tokens;
    if (
      facts.institution_id !== null &&
      (bank.institution_id === null || facts.institution_id > bank.institution_id)
    )
      bank.institution_id = facts.institution_id;
    if (facts.verdict !== FAILED) continue;
    bank.failed += tokens;
    if (facts.error_code !== null)
      bank.codes.set(facts.error_code, (bank.codes.get(facts.error_code) ?? 0) + tokens);
  }
  return [...banks]
    .filter(([, bank]) => bank.failed > 0)
    .map(([institution, bank]) => ({
      institution,
      institution_id: bank.institution_id,
      failed: bank.failed,
      total: bank.total,
      top_error_codes: orderCounts('error_code', bank.codes).slice(0, BANK_ERROR_CODES_SHOWN),
    }))
    .sort((a, b) => b.failed - a.failed || b.total - a.total || a.institution.localeCompare(b.institution))
    .slice(0, BANKS_SHOWN);
}
