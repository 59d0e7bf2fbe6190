import { FacetBreakdown, type FacetCount, type FacetGroupCounts } from '../../../components/FacetBreakdown';
import text from '../../../components/text.module.css';
import type { VerdictLook } from '../../../components/VerdictBar';
import { INSTITUTION_HEALTH_MESSAGES } from '../../../../shared/domain/institution-health';
import type { BankTarget } from '../lib/bank-targets';
import type { Breakdown as BreakdownCounts } from '../lib/breakdown';
import { ROW_VERDICT_LABELS, ROW_VERDICT_TONES, type RowVerdict } from '../lib/row-verdict';
import { FACETS, type Facet } from '../lib/sort-filter-rows';
import { BankHealth } from './BankHealth';

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

// What the Institution group needs to show each bank's health: one target per institution name,
// and whether to ask yet (not while the batch runs, so that health requests do not compete with
// the lookups for the server's rate limit).
export type BreakdownBanks = { targets: ReadonlyMap<string, BankTarget>; ask: boolean };

// Under the Institution counts: why some groups show no health.
function BankHealthNote({ shown, banks }: { shown: readonly FacetCount[]; banks: BreakdownBanks }) {
  const environments = new Set(shown.map(({ value }) => banks.targets.get(value)?.scope.environment));
  const notes: string[] = [];
  if (!banks.ask && environments.has('production'))
    notes.push('Bank health is asked once the batch has finished.');
  if (environments.has('sandbox')) notes.push(INSTITUTION_HEALTH_MESSAGES.sandbox);
  if (notes.length === 0) return null;
  return <p className={text.hint}>{notes.join(' ')}</p>;
}

// The batch's counts, with each Production bank's health beside its Institution count.
export function Breakdown({
  counts,
  filtered,
  banks,
  onToggle,
  onClear,
}: {
  counts: BreakdownCounts;
  filtered: boolean;
  banks: BreakdownBanks;
  onToggle: (facet: Facet, value: string) => void;
  onClear: () => void;
}) {
  const groups: FacetGroupCounts[] = FACETS.map((facet) => ({
    id: facet,
    label: FACET_LABELS[facet],
    counts: counts[facet],
    ...(facet === 'verdict' && { verdicts: VERDICT_LOOK }),
    ...(facet === 'institution' && {
      beside: (value: string) => {
        const target = banks.ask ? banks.targets.get(value) : undefined;
        // Health is asked in Production only (Plaid reports none in Sandbox).
        return target?.scope.environment === 'production' ? <BankHealth target={target} /> : null;
      },
      note: (shown: readonly FacetCount[]) => <BankHealthNote shown={shown} banks={banks} />,
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
