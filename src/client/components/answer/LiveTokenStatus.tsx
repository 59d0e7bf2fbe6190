import { useNow } from '../../hooks/use-now';
import { describeTimeLeft, TOKEN_STATUS_LABELS, tokenStatus } from '../../../shared/domain/token-status';
import { Chip, type ChipTone } from '../Chip';

const TONES = { active: 'good', expired: 'bad', unknown: 'neutral' } as const satisfies Record<
  string,
  ChipTone
>;

// The token's status chip and countdown. It re-renders every second on its own, so the rest of
// the panel (possibly thousands of events) does not.
export function LiveTokenStatus({ expiration }: { expiration: string | null }) {
  const now = useNow(1000);
  const status = tokenStatus(expiration, now);
  return (
    <>
      <div>
        <dt>Status</dt>
        <dd>
          <Chip tone={TONES[status.kind]}>{TOKEN_STATUS_LABELS[status.kind]}</Chip>
        </dd>
      </div>
      <div>
        <dt>Time left</dt>
        <dd>
          <span role="timer" aria-live="off">
            {describeTimeLeft(status)}
          </span>
        </dd>
      </div>
    </>
  );
}
