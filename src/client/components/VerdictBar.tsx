import type { StatusTone } from '../../shared/domain/status-tone';
import { toneClass } from './tone';
import styles from './VerdictBar.module.css';

// One value of a breakdown's group, how many tokens have it, and whether it is chosen as a filter.
export type FacetCount = { value: string; count: number; selected: boolean };

// How verdicts look wherever they are counted: their words and their tones.
export type VerdictLook = { label: (value: string) => string; tone: (value: string) => StatusTone };

function percent(count: number, total: number): string {
  const share = (count / total) * 100;
  return share > 0 && share < 1 ? '<1%' : `${Math.round(share)}%`;
}

// One proportional bar of the verdicts, each its tone's colour, worst first: the same counts as the
// verdict buttons beneath it, which carry the figures as text (so the bar itself is hidden from
// screen readers). While a batch runs, Pending shrinks as answers arrive; with verdicts chosen,
// the others fade.
export function VerdictBar({ counts, look }: { counts: readonly FacetCount[]; look: VerdictLook }) {
  const total = counts.reduce((sum, entry) => sum + entry.count, 0);
  if (total === 0) return null;
  const anySelected = counts.some((entry) => entry.selected);
  return (
    <div className={styles.bar} aria-hidden="true">
      {counts
        .filter((entry) => entry.count > 0)
        .map(({ value, count, selected }) => {
          const classes = [
            styles.segment,
            toneClass(look.tone(value)),
            anySelected && !selected && styles.faded,
          ];
          return (
            <span
              key={value}
              className={classes.filter(Boolean).join(' ')}
              title={`${look.label(value)}: ${count} of ${total} (${percent(count, total)})`}
              // Set through the DOM, which the Content-Security-Policy allows (no style attribute in the HTML).
              style={{ flexGrow: count }}
            />
          );
        })}
    </div>
  );
}
