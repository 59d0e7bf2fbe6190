import type { ReactNode } from 'react';
import { Notice } from '../../../components/Notice';

// Says that `count` of the sessions below are the inspector's store's copies, not Plaid's answer
// now (each card says who kept it and when), then `why` Plaid's answer lacks them: Plaid dropped
// them, Plaid answered with an error, or (the store's own answer) Plaid was not asked.
export function KeptSessionsNotice({ count, why }: { count: number; why: ReactNode }) {
  return (
    <Notice tone="neutral">
      {count === 1 ? '1 session below comes' : `${count} sessions below come`} from the inspector’s store, not
      from Plaid now: {why}
    </Notice>
  );
}
