import { useNow } from '../../hooks/use-now';
import { TOKEN_STATUS_TONES } from '../../../shared/domain/status-tone';
import { describeTimeLeft, TOKEN_STATUS_LABELS, tokenStatus } from '../../../shared/domain/token-status';
import { Field } from '../Field';
import { StatusBadge } from '../StatusBadge';

// The token's status and countdown. It re-renders every second on its own, so the rest of the
// panel (possibly thousands of events) does not.
export function LiveTokenStatus({ expiration }: { expiration: string | null }) {
  const now = useNow(1000);
  const status = tokenStatus(expiration, now);
  return (
    <>
      <Field label="Status">
        <StatusBadge tone={TOKEN_STATUS_TONES[status.kind]}>{TOKEN_STATUS_LABELS[status.kind]}</StatusBadge>
      </Field>
      <Field label="Time left">
        <span role="timer" aria-live="off">
          {describeTimeLeft(status)}
        </span>
      </Field>
    </>
  );
}
