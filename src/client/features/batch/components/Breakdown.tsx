import { useMemo } from 'react';
import { FacetBreakdown, type FacetGroupCounts } from '../../../components/FacetBreakdown';
import text from '../../../components/text.module.css';
import type { VerdictLook } from '../../../components/VerdictBar';
import type { BatchRow } from '../lib/batch-row';
import type { Breakdown as BreakdownCounts } from '../lib/breakdown';
import { failuresByBank, lookupErrorCodes } from '../lib/failures-by-bank';
import { ROW_VERDICT_LABELS, ROW_VERDICT_TONES, type RowVerdict } from '../lib/row-verdict';
import { FACETS, type Facet } from '../lib/sort-filter-rows';
import { FailuresByBank, type BanksHealth } from './FailuresByBank';

const FACET_LABELS: Readonly<Record<Facet, string>> = {
  verdict: 'Verdict',
  error_code: 'Error code',
  institution: 'Institution',
  exit_status: 'Exit status',
};

const VERDICT_LOOK: VerdictLook = {
  label: (value) => ROW_VERDICT_LABELS[value as RowVerdict],
  tone: (value) => ROW_VERDICT_TONES[value as RowVerdict],
};

export type BreakdownBanks = BanksHealth;

// The batch's counts: the verdict bar, then failures by bank (with each Production bank's
// health), then the other groups. Error codes wear their verdict's tone, so that the lookup's own
// errors (we could not read the token) stand apart from Link's.
export function Breakdown({
  rows,
  counts,
  filtered,
  banks,
  onToggle,
  onClear,
}: {
  rows: readonly BatchRow[];
  counts: BreakdownCounts;
  filtered: boolean;
  banks: BreakdownBanks;
  onToggle: (facet: Facet, value: string) => void;
  onClear: () => void;
}) {
  const failures = useMemo(() => failuresByBank(rows), [rows]);
  const lookupCodes = useMemo(() => lookupErrorCodes(rows), [rows]);
  const selectedBanks = counts.institution.filter((entry) => entry.selected).map((entry) => entry.value);
  const codeTone = (value: string) => ROW_VERDICT_TONES[lookupCodes.has(value) ? 'lookup failed' : 'failed'];
  const groups: FacetGroupCounts[] = FACETS.map((facet) => ({
    id: facet,
    label: FACET_LABELS[facet],
    counts: counts[facet],
    ...(facet === 'verdict' && {
      verdicts: VERDICT_LOOK,
      after: (
        <FailuresByBank
          failures={failures}
          health={banks}
          selected={selectedBanks}
          onToggle={(institution) => onToggle('institution', institution)}
        />
      ),
    }),
    ...(facet === 'error_code' && {
      tone: codeTone,
      note: () =>
        lookupCodes.size > 0 && (
          <p className={text.hint}>
            {`${[...lookupCodes].sort().join(', ')}: the lookup's own ${lookupCodes.size === 1 ? 'error' : 'errors'} (we could not read the token). The others are Link's.`}
          </p>
        ),
    }),
  }));
  return (
    <FacetBreakdown
      groups={groups}
      filtered={filtered}
      onToggle={(facet, value) => onToggle(facet as Facet, value)}
      onClear={onClear}
    />
  );
}
