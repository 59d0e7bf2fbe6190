import { useId, useState } from 'react';
import { Button } from '../../../components/Button';
import { useMediaQuery } from '../hooks/use-media-query';
import text from '../../../components/text.module.css';
import { toneClass } from '../../../components/tone';
import { INSTITUTION_HEALTH_MESSAGES } from '../../../../shared/domain/institution-health';
import type { BankTarget } from '../lib/bank-targets';
import type { Breakdown as BreakdownCounts, FacetCount } from '../lib/breakdown';
import { ROW_VERDICT_LABELS, ROW_VERDICT_TONES, type RowVerdict } from '../lib/row-verdict';
import { FACETS, type Facet } from '../lib/sort-filter-rows';
import { BankHealth } from './BankHealth';
import styles from './Breakdown.module.css';
import { VerdictBar } from './VerdictBar';

const FACET_LABELS: Readonly<Record<Facet, string>> = {
  verdict: 'Verdict',
  error_code: 'Error code',
  institution: 'Institution',
  exit_status: 'Exit status',
};

// Past this many values a group shows its largest ones and a button for the rest; fewer on a phone,
// where the table would otherwise start screens below.
const SHOWN_VALUES = 8;
const SHOWN_VALUES_NARROW = 4;

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

function valueLabel(facet: Facet, value: string): string {
  return facet === 'verdict' ? ROW_VERDICT_LABELS[value as RowVerdict] : value;
}

function FacetGroup({
  facet,
  counts,
  banks,
  onToggle,
}: {
  facet: Facet;
  counts: readonly FacetCount[];
  // Only for the Institution group.
  banks: BreakdownBanks | null;
  onToggle: (facet: Facet, value: string) => void;
}) {
  const id = useId();
  const [showAll, setShowAll] = useState(false);
  const narrow = useMediaQuery('(max-width: 40rem)');
  // Verdicts are few and the point of the overview: always all of them.
  const limit = facet === 'verdict' ? counts.length : narrow ? SHOWN_VALUES_NARROW : SHOWN_VALUES;
  // Chosen values stay in view even when they are not among the largest.
  const shown = showAll ? counts : counts.filter((entry, index) => index < limit || entry.selected);
  const hidden = counts.length - shown.length;
  return (
    <div className={styles.group} role="group" aria-labelledby={id}>
      <span id={id} className={styles.groupLabel}>
        {FACET_LABELS[facet]}
      </span>
      {counts.length === 0 ? (
        <span className={styles.none}>none</span>
      ) : (
        <div className={styles.values}>
          {facet === 'verdict' && <VerdictBar counts={counts} />}
          <ul className={styles.buttons}>
            {shown.map(({ value, count, selected }) => {
              const target = banks?.ask ? banks.targets.get(value) : undefined;
              // Health is asked in Production only (Plaid reports none in Sandbox).
              const bank = target?.scope.environment === 'production' ? target : undefined;
              return (
                <li key={value} className={bank ? styles.bank : undefined}>
                  {/* Named by its value and count, e.g. "INSTITUTION_DOWN 12". */}
                  <Button size="small" aria-pressed={selected} onClick={() => onToggle(facet, value)}>
                    {facet === 'verdict' && (
                      <span
                        className={`${styles.swatch} ${toneClass(ROW_VERDICT_TONES[value as RowVerdict])}`}
                        aria-hidden="true"
                      />
                    )}
                    {valueLabel(facet, value)} <span className={styles.count}>{count}</span>
                  </Button>
                  {bank && <BankHealth target={bank} />}
                </li>
              );
            })}
            {(hidden > 0 || showAll) && counts.length > limit && (
              <li>
                <Button
                  size="small"
                  variant="quiet"
                  aria-expanded={showAll}
                  onClick={() => setShowAll(!showAll)}
                >
                  {showAll ? 'Show fewer' : `${hidden} more`}
                </Button>
              </li>
            )}
          </ul>
          {banks && <BankHealthNote shown={shown} banks={banks} />}
        </div>
      )}
    </div>
  );
}

// The counts at the top of the batch view, by verdict, error code, institution and exit status.
// Each is a toggle that filters the table; groups combine, and one button clears them all.
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
  const id = useId();
  return (
    <section className={styles.breakdown} aria-labelledby={id}>
      <div className={styles.header}>
        <h3 id={id} className={styles.heading}>
          Breakdown
        </h3>
        <span className={styles.hint}>Choose counts to filter the table; each group narrows the others.</span>
        <Button size="small" onClick={onClear} disabled={!filtered}>
          Clear filters
        </Button>
      </div>
      {FACETS.map((facet) => (
        <FacetGroup
          key={facet}
          facet={facet}
          counts={counts[facet]}
          banks={facet === 'institution' ? banks : null}
          onToggle={onToggle}
        />
      ))}
    </section>
  );
}
