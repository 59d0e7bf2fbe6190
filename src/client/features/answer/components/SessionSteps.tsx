import type { SessionDiagnosis, SessionStep } from '../../../../shared/diagnosis';
import { formatDuration } from '../../../../shared/domain/format-time';
import text from '../../../components/text.module.css';
import styles from './SessionSteps.module.css';

function duration(step: SessionStep): string | null {
  // The hand-off and the exit are moments, not stages.
  if (step.kind === 'hand-off' || step.kind === 'exit') return null;
  if (step.durationMs === null) return 'time unknown';
  return step.ongoing ? `${formatDuration(step.durationMs)} so far` : formatDuration(step.durationMs);
}

// Where a session stopped, in words beside its step: for a session that did not link.
function stopNote(session: SessionDiagnosis): string | null {
  if (session.verdict === 'in progress') return 'the user is here';
  if (session.verdict === 'failed' || session.verdict === 'abandoned') return 'stopped here';
  return null;
}

// The Link steps a session went through, in order, with the time spent at each: where the user
// got to and where they stopped, before the event-by-event timeline.
export function SessionSteps({ session }: { session: SessionDiagnosis }) {
  if (session.steps.length === 0) {
    return <p className={text.hint}>No steps to show: Plaid returned no events for this session.</p>;
  }
  const stopIndex = session.steps.findLastIndex((step) => step.kind !== 'exit');
  const note = stopNote(session);
  return (
    <ol className={styles.steps} aria-label="Steps">
      {session.steps.map((step, index) => {
        const time = duration(step);
        return (
          // A session can pass the same step twice (back to the search): the index tells them apart.
          <li key={index} className={styles.step}>
            <div className={styles.line}>
              <span>
                <span className={styles.label}>{step.label}</span>
                {step.detail && <span className={text.muted}> · {step.detail}</span>}
                {step.errorCode && (
                  <>
                    {' '}
                    · error <code>{step.errorCode}</code>
                  </>
                )}
                {note && index === stopIndex && <strong className={styles.stop}> ← {note}</strong>}
              </span>
              {time && <span className={styles.duration}>{time}</span>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
