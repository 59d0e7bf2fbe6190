import styles from './CodeBlock.module.css';

// Text shown exactly as received (raw JSON, a non-JSON body). Focusable, so that a long text can
// be scrolled from the keyboard.
export function CodeBlock({ label, children }: { label: string; children: string }) {
  return (
    <pre className={styles.block} tabIndex={0} aria-label={label}>
      {children}
    </pre>
  );
}
