import { useNow } from '../../../hooks/use-now';
import styles from './LookupProgress.module.css';

// What an unanswered lookup is doing: waiting out the server's Retry-After, or asking.
export function LookupProgress({ notBefore }: { notBefore: number | null }) {
  const now = useNow();
  const secondsLeft = notBefore === null ? 0 : Math.ceil((notBefore - now) / 1000);
  return (
    <p className={styles.progress}>
      {secondsLeft > 0 ? `Retrying in ${secondsLeft} s, as the server asked…` : 'Looking up the token…'}
    </p>
  );
}
