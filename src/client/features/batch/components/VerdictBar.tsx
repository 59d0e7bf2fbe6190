import type { FacetCount } from '../lib/breakdown';
import { ROW_VERDICT_LABELS, ROW_VERDICT_TONES, type RowVerdict } from '../lib/row-verdict';
import { toneClass } from '../../../components/tone';
import styles from './VerdictBar.module.css';

function percent(count: number, total: number): string {
  const share = (count / total) * 100;
  return share > 0 && share < 1 ? '<1%' : `${Math.round(share)}%`;
}

// One proportional bar of the verdicts, each its tone's colour, worst first: the same counts as the
// verdict buttons beneath it, which carry the figures as text (so the bar itself is hidden from
// screen readers). While a batch runs, Pending shrinks as answers arrive; with verdicts chosen,
// the others fade.
export function VerdictBar({ counts }: { counts: readonly FacetCount[] }) {
  const total = counts.reduce((sum, entry) => sum + entry.count, 0);
  if (total === 0) return null;
  const anySelected = counts.some((entry) => entry.selected);
  return (
    <div className={styles.bar} aria-hidden="true">
      {counts
        .filter((entry) => entry.count > 0)
        .map(({ value, count, selected }) => {
          const verdict = value as RowVerdict;
          const classes = [
            styles.segment,
            toneClass(ROW_VERDICT_TONES[verdict]),
            anySelected && !selected && styles.faded,
          ];
          return (
            <span
              key={verdict}
              className={classes.filter(Boolean).join(' ')}
              title={`${ROW_VERDICT_LABELS[verdict]}: ${count} of ${total} (${percent(count, total)})`}
              // Set through the DOM, which the Content-Security-Policy allows (no style attribute in the HTML).
              style={{ flexGrow: count }}
            />
          );
        })}
    </div>
  );
}
