import styles from './ActivityIndicator.module.css';

// Decorative signs of activity beside words that already say it ("Looking up…", "Watch").

export function Spinner() {
  return <span className={styles.spinner} aria-hidden="true" />;
}

export function Pulse() {
  return <span className={styles.pulse} aria-hidden="true" />;
}
