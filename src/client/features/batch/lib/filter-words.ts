import { ROW_VERDICT_LABELS, type RowVerdict } from './row-verdict';
import { FACETS, isFiltered, type Facet, type RowFilter } from './sort-filter-rows';

// A filter in words, as the breakdown names its groups and values, for the ticket summary of the
// rows shown: "Verdict: Failed; Error code: INSTITUTION_DOWN or INVALID_CREDENTIALS; text "tartan"".

const FACET_WORDS: Readonly<Record<Facet, string>> = {
  verdict: 'Verdict',
  error_code: 'Error code',
  institution: 'Institution',
  exit_status: 'Exit status',
};

function valueWords(facet: Facet, value: string): string {
  return facet === 'verdict' ? ROW_VERDICT_LABELS[value as RowVerdict] : value;
}

// null when nothing is filtered.
export function filterWords(filter: RowFilter): string | null {
  if (!isFiltered(filter)) return null;
  const parts = FACETS.filter((facet) => filter.facets[facet].length > 0).map(
    (facet) =>
      `${FACET_WORDS[facet]}: ${filter.facets[facet].map((value) => valueWords(facet, value)).join(' or ')}`,
  );
  const text = filter.text.trim();
  if (text !== '') parts.push(`text "${text}"`);
  return parts.join('; ');
}
