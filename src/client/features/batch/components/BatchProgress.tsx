import { Button } from '../../../components/Button';
import type { BatchRunState } from '../hooks/use-batch-run';
import styles from './batch.module.css';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

// Announced to screen readers only at milestones (start, rate-limit pause, end): a message per
// answer would drown everything else out. The visible counters update with every answer.
function announcement({ phase, progress, entries }: BatchRunState): string {
  const total = entries.length;
  if (phase === 'running') {
    if (progress?.pausedUntil) {
      const seconds = Math.max(1, Math.ceil((progress.pausedUntil - Date.now()) / 1000));
      return `Rate limited by the server: pausing all lookups for ${plural(seconds, 'second', 'seconds')}.`;
    }
    return `Looking up ${plural(total, 'token', 'tokens')}…`;
  }
  if (!progress) return '';
  const errors = progress.errors > 0 ? `, ${plural(progress.errors, 'error', 'errors')}` : '';
  if (phase === 'cancelled') return `Cancelled after ${progress.done} of ${total} lookups${errors}.`;
  if (phase === 'finished') return `Done: ${progress.done} of ${total} looked up${errors}.`;
  return '';
}

export function BatchProgress({ state, onCancel }: { state: BatchRunState; onCancel: () => void }) {
  const { phase, progress, entries } = state;
  const total = entries.length;
  const done = progress?.done ?? 0;

  return (
    <section className={styles.progress} aria-label="Batch progress">
      <progress max={total} value={done} aria-label="Lookups done" />
      <p>
        {done} / {total} done · {plural(progress?.errors ?? 0, 'error', 'errors')} ·{' '}
        {plural(progress?.rateLimitedWaits ?? 0, 'rate-limit wait', 'rate-limit waits')}
      </p>
      <p role="status" className={styles.progressStatus}>
        {announcement(state)}
      </p>
      {phase === 'running' && <Button onClick={onCancel}>Cancel batch</Button>}
    </section>
  );
}
