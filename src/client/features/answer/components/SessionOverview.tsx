import { STEP_LABELS, VERDICT_LABELS, type SessionDiagnosis } from '../../../../shared/diagnosis';
import { formatDuration } from '../../../../shared/domain/format-time';
import { Button } from '../../../components/Button';
import { StatusBadge } from '../../../components/StatusBadge';
import text from '../../../components/text.module.css';
import { Timestamp } from '../../../components/Timestamp';
import styles from './SessionOverview.module.css';

// One row per session, to compare them at a glance before reading any card: the outcome, then
// the institution, error code and exit status, then the step reached and when. "Show" opens the
// session's card and moves there.
export function SessionOverview({
  sessions,
  verdictSessionId,
  onShow,
}: {
  sessions: readonly SessionDiagnosis[];
  // The session the verdict is about, marked as such.
  verdictSessionId: string | null;
  onShow: (linkSessionId: string) => void;
}) {
  return (
    <ol className={styles.rows} aria-label="Sessions at a glance">
      {sessions.map((session, index) => (
        <li key={session.linkSessionId} className={styles.row}>
          <span className={styles.outcome}>
            <StatusBadge tone={session.tone}>{VERDICT_LABELS[session.verdict]}</StatusBadge>
          </span>
          <span className={styles.facts}>
            <span className={styles.what}>
              <strong>{session.institutionName ?? <span className={text.empty}>no bank chosen</span>}</strong>
              {session.error && <code className={styles.code}>{session.error.error_code}</code>}
              {session.exitStatus && (
                <span className={text.muted}>
                  exit status <code>{session.exitStatus}</code>
                </span>
              )}
            </span>
            <span className={`${styles.when} ${text.muted}`}>
              {session.stoppedAt && <span>reached {STEP_LABELS[session.stoppedAt]}</span>}
              <span>
                <Timestamp value={session.startedAt} empty="start time unknown" />
                {session.durationMs !== null && ` · ${formatDuration(session.durationMs)}`}
              </span>
              {session.linkSessionId === verdictSessionId && sessions.length > 1 && (
                <strong>the verdict’s session</strong>
              )}
            </span>
          </span>
          <Button
            size="small"
            variant="quiet"
            className={styles.show}
            aria-label={`Show session ${index + 1}`}
            onClick={() => onShow(session.linkSessionId)}
          >
            Show
          </Button>
        </li>
      ))}
    </ol>
  );
}
