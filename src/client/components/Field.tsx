import type { ReactNode } from 'react';
import { CopyButton } from './CopyButton';
import styles from './Field.module.css';

export function FieldList({ children }: { children: ReactNode }) {
  return <dl className={styles.list}>{children}</dl>;
}

// One label/value pair of a FieldList. `copy` adds a copy button after the value, for the IDs
// support tickets ask for.
export function Field({
  label,
  children,
  copy,
}: {
  label: ReactNode;
  children: ReactNode;
  copy?: { label: string; text: string };
}) {
  return (
    <div className={styles.field}>
      <dt className={styles.label}>{label}</dt>
      <dd className={copy ? `${styles.value} ${styles.copyable}` : styles.value}>
        {children}
        {copy && <CopyButton label={copy.label} text={copy.text} />}
      </dd>
    </div>
  );
}
