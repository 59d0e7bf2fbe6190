import { useNow } from '../../../hooks/use-now';
import { describeTimeLeft, TOKEN_STATUS_LABELS, tokenStatus } from '../../../../shared/domain/token-status';
import { Field } from '../../../components/Field';

// Whether the token can still be used, and its countdown. A detail, not the outcome: the verdict
// above says what happened with the token, so this is plain text rather than a coloured badge
// (a green "Active" beside a failed session read as success). It re-renders every second on its
// own, so the rest of the panel (possibly thousands of events) does not.
export function LiveTokenStatus({ expiration }: { expiration: string | null }) {
  const now = useNow(1000);
  const status = tokenStatus(expiration, now);
  return (
    <>
      <Field label="Token validity">
        <strong>{TOKEN_STATUS_LABELS[status.kind]}</strong>
      </Field>
      <Field label="Time left">
        <span role="timer" aria-live="off">
          {describeTimeLeft(status)}
        </span>
      </Field>
    </>
  );
}
