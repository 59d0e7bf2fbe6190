import { Fragment, useId, useState, type ReactNode } from 'react';
import type { StatusTone } from '../../shared/domain/status-tone';
import { useMediaQuery } from '../hooks/use-media-query';
import { Button } from './Button';
import styles from './FacetBreakdown.module.css';
import { toneClass } from './tone';
import { VerdictBar, type FacetCount, type VerdictLook } from './VerdictBar';

// The counts above a list of tokens (Batch's table, History's), by verdict, error code,
// institution and exit status. Each is a toggle that filters the list; groups combine, and one
// button clears them all. What is counted, and how, is the caller's: this only shows it.

export type { FacetCount };

export type FacetGroupCounts = {
  id: string;
  label: string;
  counts: readonly FacetCount[];
  // Verdicts: all of them shown, each with its tone, under the proportional bar.
  verdicts?: VerdictLook;
  // Another group's values in tones of their own (error codes: Link's or the lookup's).
  tone?: (value: string) => StatusTone;
  // Shown beside a value (an institution's health), on a line of its own; null for none.
  beside?: (value: string) => ReactNode;
  // Under the group, about the values shown (why some show no health).
  note?: (shown: readonly FacetCount[]) => ReactNode;
  // Right after the group, before the next one (what the verdicts lead to).
  after?: ReactNode;
};

// Past this many values a group shows its largest ones and a button for the rest; fewer on a phone,
// where the list would otherwise start screens below.
const SHOWN_VALUES = 8;
const SHOWN_VALUES_NARROW = 4;

function FacetGroup({
  group,
  onToggle,
}: {
  group: FacetGroupCounts;
  onToggle: (group: string, value: string) => void;
}) {
  const id = useId();
  const [showAll, setShowAll] = useState(false);
  const narrow = useMediaQuery('(max-width: 40rem)');
  const { counts, verdicts } = group;
  // Verdicts are few and the point of the overview: always all of them.
  const limit = verdicts ? counts.length : narrow ? SHOWN_VALUES_NARROW : SHOWN_VALUES;
  // Chosen values stay in view even when they are not among the largest.
  const shown = showAll ? counts : counts.filter((entry, index) => index < limit || entry.selected);
  const hidden = counts.length - shown.length;
  return (
    <div className={styles.group} role="group" aria-labelledby={id}>
      <span id={id} className={styles.groupLabel}>
        {group.label}
      </span>
      {counts.length === 0 ? (
        <span className={styles.none}>none</span>
      ) : (
        <div className={styles.values}>
          {verdicts && <VerdictBar counts={counts} look={verdicts} />}
          <ul className={styles.buttons}>
            {shown.map(({ value, count, selected }) => {
              const beside = group.beside?.(value) ?? null;
              const tone = verdicts ? verdicts.tone(value) : group.tone?.(value);
              return (
                <li key={value} className={beside ? styles.bank : undefined}>
                  {/* Named by its value and count, e.g. "INSTITUTION_DOWN 12". */}
                  <Button size="small" aria-pressed={selected} onClick={() => onToggle(group.id, value)}>
                    {tone && <span className={`${styles.swatch} ${toneClass(tone)}`} aria-hidden="true" />}
                    {verdicts ? verdicts.label(value) : value} <span className={styles.count}>{count}</span>
                  </Button>
                  {beside}
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
          {group.note?.(shown)}
        </div>
      )}
    </div>
  );
}

export function FacetBreakdown({
  groups,
  filtered,
  onToggle,
  onClear,
}: {
  groups: readonly FacetGroupCounts[];
  filtered: boolean;
  onToggle: (group: string, value: string) => void;
  onClear: () => void;
}) {
  const id = useId();
  return (
    <section className={styles.breakdown} aria-labelledby={id}>
      <div className={styles.header}>
        <h3 id={id} className={styles.heading}>
          Breakdown
        </h3>
        <span className={styles.hint}>Choose counts to filter the list; each group narrows the others.</span>
        <Button size="small" onClick={onClear} disabled={!filtered}>
          Clear filters
        </Button>
      </div>
      {groups.map((group) => (
        <Fragment key={group.id}>
          <FacetGroup group={group} onToggle={onToggle} />
          {group.after}
        </Fragment>
      ))}
    </section>
  );
}
