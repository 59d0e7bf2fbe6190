import { ACTOR_LABELS, STEP_LABELS, type StepKind } from '../../../../shared/diagnosis';
import {
  BREAKDOWN_FACETS,
  matchesFacets as factsMatchFacets,
  NO_FACETS,
  type BreakdownFacet,
  type FacetSelection,
} from '../../../../shared/diagnosis/breakdown-rules';
import { TOKEN_STATUS_LABELS } from '../../../../shared/domain/token-status';
import { breakdownFacts, type BatchRow } from './batch-row';
import { ROW_VERDICT_LABELS, ROW_VERDICTS } from './row-verdict';

// Sorting and filtering of the batch table, kept out of the component so the rules are tested
// directly: empty cells always sort last, times compare as instants, counts as numbers, verdicts
// worst first and steps in the order Link goes through them.

export type SortKey =
  | 'token'
  | 'verdict'
  | 'actor'
  | 'errorCode'
  | 'exitStatus'
  | 'institution'
  | 'stepReached'
  | 'lastActivityAt'
  | 'validity'
  | 'sessionCount';
export type SortDirection = 'ascending' | 'descending';
export type Sort = { key: SortKey; direction: SortDirection };
// The table's order until someone chooses another: what needs attention first (failed, then failed
// lookups, abandoned, … linked), paste order within a verdict.
export const WORST_FIRST: Sort = { key: 'verdict', direction: 'ascending' };

// The groups of the breakdown, as History has them (shared/diagnosis/breakdown-rules.ts); each
// selected value filters the table.
export const FACETS = BREAKDOWN_FACETS;
export type Facet = BreakdownFacet;
export { NO_FACETS, type FacetSelection };

export type RowFilter = { text: string; facets: FacetSelection };
export const NO_FILTER: RowFilter = { text: '', facets: NO_FACETS };

const STEP_ORDER = Object.keys(STEP_LABELS) as StepKind[];

function sortValue(row: BatchRow, key: SortKey): string | number | null {
  switch (key) {
    case 'verdict':
      return ROW_VERDICTS.indexOf(row.verdict);
    case 'stepReached':
      return row.stepReached && STEP_ORDER.indexOf(row.stepReached);
    case 'actor':
      return row.actor && ACTOR_LABELS[row.actor];
    case 'validity':
      return row.validity && TOKEN_STATUS_LABELS[row.validity];
    case 'lastActivityAt': {
      const time = row.lastActivityAt ? Date.parse(row.lastActivityAt) : NaN;
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

// Stable: rows that compare equal keep the order the tokens were pasted in.
export function sortRows(rows: readonly BatchRow[], sort: Sort): BatchRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = sortValue(a, sort.key);
    const right = sortValue(b, sort.key);
    if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
    return sign * compareValues(left, right);
  });
}

// The table's rows in row groups (one <tbody> each), in order: sorted by verdict (the default
// order), one group per verdict; otherwise one group. While a batch runs, each answer takes its row
// from Pending up to its verdict's place. In one list of keyed rows React moves in the page every
// row that row jumps over (it keeps the rows whose old positions rise in the new order, and moves
// the rest): each update of the view moved hundreds of rows, its main cost while answers arrive
// (profiled). With a group per verdict the row leaves Pending's group for its verdict's, and no
// other row moves.
export type RowGroup = { key: string; rows: BatchRow[] };

export function rowGroups(rows: readonly BatchRow[], sort: Sort | null): RowGroup[] {
  if (sort?.key !== 'verdict') return [{ key: 'rows', rows: [...rows] }];
  const groups: RowGroup[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last?.key === row.verdict) last.rows.push(row);
    else groups.push({ key: row.verdict, rows: [row] });
  }
  return groups;
}

// What the text filter searches: the row's words as the table shows them.
function searchableText(row: BatchRow): string {
  return [
    row.token,
    ROW_VERDICT_LABELS[row.verdict],
    row.actor && ACTOR_LABELS[row.actor],
    row.errorCode,
    row.exitStatus,
    row.institution,
    row.stepReached && STEP_LABELS[row.stepReached],
    row.headline,
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}

export function matchesText(row: BatchRow, text: string): boolean {
  const needle = text.trim().toLowerCase();
  return needle === '' || searchableText(row).includes(needle);
}

// `except`: a group left out, to count what choosing a value of that group would show.
export function matchesFacets(row: BatchRow, facets: FacetSelection, except?: Facet): boolean {
  return factsMatchFacets(breakdownFacts(row), facets, except);
}

export function filterRows(rows: readonly BatchRow[], filter: RowFilter): BatchRow[] {
  return rows.filter((row) => matchesFacets(row, filter.facets) && matchesText(row, filter.text));
}

export function isFiltered(filter: RowFilter): boolean {
  return filter.text.trim() !== '' || FACETS.some((facet) => filter.facets[facet].length > 0);
}

export function toggleFacet(facets: FacetSelection, facet: Facet, value: string): FacetSelection {
  const selected = facets[facet];
  return {
    ...facets,
    [facet]: selected.includes(value) ? selected.filter((other) => other !== value) : [...selected, value],
  };
}
