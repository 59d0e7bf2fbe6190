import { Button } from '../../../components/Button';
import { Notice } from '../../../components/Notice';
import styles from './batch.module.css';

// Above the table of a batch brought back after a reload, when the store held no answer for some of
// its tokens (rows "Not kept"): why, and a way to look those up again, from Plaid this time.
export function NotInStoreNotice({
  count,
  error,
  onLookUp,
  running,
}: {
  count: number;
  // Why the store gave nothing at all (the server keeps no answers, or its store is down).
  error: string | null;
  onLookUp: () => void;
  running: boolean;
}) {
  const tokens = count === 1 ? '1 token' : `${count} tokens`;
  return (
    <div className={styles.notInStore}>
      <Notice tone="warning" strong>
        {`The page reloaded and ${tokens} of this batch came back without an answer: ` +
          (error
            ? `the store of kept answers could not be read (${error}).`
            : 'the store holds none for them (never kept, deleted, or past retention).') +
          ' Their rows say Not kept.'}
      </Notice>
      <Button onClick={onLookUp} disabled={running}>{`Look up the ${tokens} again`}</Button>
    </div>
  );
}
