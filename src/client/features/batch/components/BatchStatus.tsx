import { Button } from '../../../components/Button';
import { useNow } from '../../../hooks/use-now';
import { currentPace, describeExpectedTime, describePace } from '../lib/batch-time';
import type { BatchRunState } from '../hooks/use-batch-run';
import styles from './batch.module.css';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

// Announced to screen readers only at milestones (start, rate-limit pause, end): a message per
// answer would drown everything else out. The visible counters update as answers arrive.
function announcement({ phase, progress, run }: BatchRunState, now: number): string {
  if (!run) return '';
  const what =
    run.kind === 'retry'
      ? plural(run.total, 'failed lookup', 'failed lookups')
      : plural(run.total, 'token', 'tokens');
  if (run.kind === 'restore') {
    if (phase === 'running') return `Reading the store's kept answers for ${what}…`;
    return (
      `Brought back after a reload: ${progress?.done ?? 0} of ${what} from the store's kept answers, ` +
      'as last looked up (Plaid was not asked again).'
    );
  }
  if (phase === 'running') {
    if (progress?.pausedUntil) {
      const seconds = Math.max(1, Math.ceil((progress.pausedUntil - now) / 1000));
      const limit = progress.pausedBy === 'plaid' ? 'Rate limited by Plaid' : 'Rate limited by the server';
      return `${limit}: pausing all lookups for ${plural(seconds, 'second', 'seconds')}.`;
    }
    return run.kind === 'retry' ? `Retrying ${what}…` : `Looking up ${what}…`;
  }
  if (!progress) return '';
  const failed = progress.errors > 0 ? `, ${plural(progress.errors, 'lookup', 'lookups')} failed` : '';
  if (phase === 'cancelled') return `Cancelled after ${progress.done} of ${run.total} lookups${failed}.`;
  if (run.kind === 'retry') return `Retry done: ${progress.done} of ${what} looked up again${failed}.`;
  return `Done: ${progress.done} of ${run.total} looked up${failed}.`;
}

type BatchStatusProps = {
  state: BatchRunState;
  // The server's RATE_LIMIT_PER_MINUTE, when known: the expected time before the first answers.
  rateLimitPerMinute: number | null;
  retryable: number;
  onCancel: () => void;
  onRetry: () => void;
};

// Where the run is: done / total, the pace and the time left while it runs, the server's
// rate-limit pauses, then the outcome, with Cancel or Retry failed lookups.
export function BatchStatus({ state, rateLimitPerMinute, retryable, onCancel, onRetry }: BatchStatusProps) {
  const { phase, progress, run } = state;
  const running = phase === 'running';
  // Ticks only while running: the pace and the pause countdown stay true.
  const now = useNow(running ? 1000 : 60_000);
  if (!run) return null;
  const done = progress?.done ?? 0;
  const waits = progress?.rateLimitedWaits ?? 0;
  const pace = running ? currentPace(done, run.total, now - run.startedAt) : null;
  let timing = '';
  if (pace) timing = describePace(pace);
  else if (running && rateLimitPerMinute !== null)
    timing = describeExpectedTime(run.total, rateLimitPerMinute);

  return (
    <section className={styles.status} aria-label="Batch progress">
      <p role="status" className={styles.statusLine}>
        {announcement(state, now)}
      </p>
      {running ? (
        <p className={styles.counters}>
          {done} of {run.total} done · {plural(progress?.errors ?? 0, 'failed lookup', 'failed lookups')} ·{' '}
          {plural(waits, 'rate-limit wait', 'rate-limit waits')}
          {timing && <> · {timing}</>}
        </p>
      ) : (
        waits > 0 && (
          <p className={styles.counters}>Waited for a rate limit {waits === 1 ? 'once' : `${waits} times`}</p>
        )
      )}
      {running && <Button onClick={onCancel}>Cancel batch</Button>}
      {!running && retryable > 0 && (
        <p className={styles.retry}>
          <Button onClick={onRetry}>{`Retry ${plural(retryable, 'failed lookup', 'failed lookups')}`}</Button>
          <span className={styles.counters}>(rate limits, server errors, timeouts)</span>
        </p>
      )}
    </section>
  );
}
