import { Pulse } from '../../../components/ActivityIndicator';
import { Button } from '../../../components/Button';
import { WATCH_INTERVAL_MS, type WatchVerdict } from '../lib/watch-timing';
import styles from './toolbar.module.css';

type WatchControlProps = {
  // The user asked to watch and live watch has not stopped by itself.
  active: boolean;
  // The user asked to watch (it may since have stopped by itself).
  requested: boolean;
  verdict: WatchVerdict;
  failed: boolean;
  onToggle: () => void;
};

export function watchStatusText({
  active,
  requested,
  verdict,
  failed,
}: Omit<WatchControlProps, 'onToggle'>): string {
  if (active) return `Watching: ${verdict.reason}. Checking every ${WATCH_INTERVAL_MS / 1000} seconds.`;
  if (requested && failed) return 'Stopped watching: the lookup failed.';
  if (requested) return `Stopped watching: ${verdict.reason}.`;
  if (!verdict.keepWatching) return `Nothing to watch: ${verdict.reason}.`;
  return '';
}

// "Watch" re-runs the lookup every few seconds while something can still change (see
// live-watch.ts), so a QA engineer sees a Link session's events arrive as they happen.
export function WatchControl(props: WatchControlProps) {
  // When idle, say what the button does (not announced: it is not a change of state).
  const status =
    watchStatusText(props) ||
    `Follow Link sessions live: re-checks every ${WATCH_INTERVAL_MS / 1000} seconds until they finish.`;
  return (
    <span className={styles.control} role="group" aria-label="Live watch">
      <Button
        aria-pressed={props.active}
        disabled={!props.active && !props.verdict.keepWatching}
        onClick={props.onToggle}
      >
        {props.active && <Pulse />}
        Watch
      </Button>
      {status && <span className={styles.status}>{status}</span>}
    </span>
  );
}
