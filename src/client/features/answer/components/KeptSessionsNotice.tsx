import type { ReactNode } from 'react';
import { Notice } from '../../../components/Notice';

// Says that `count` of the sessions below are the inspector's store's copies, not Plaid's answer
// now (each card says who kept it and when), then `why` Plaid's answer lacks them: beside an
// answer Plaid dropped them, beside an error Plaid answered nothing about them.
export function KeptSessionsNotice({ count, why }: { count: number; why: ReactNode }) {
  return (
    <Notice tone="neutral">
      {count === 1 ? '1 session below comes' : `${count} sessions below come`} from the inspector’s store, not
      from Plaid now: {why}
    </Notice>
  );
}
