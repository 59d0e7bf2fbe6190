import type { ReactNode } from 'react';
import type { StatusTone } from '../../../../shared/domain/status-tone';
import { toneClass } from '../../../components/tone';
import styles from './Subsection.module.css';

// One part of an open session card (its exit, results, onSuccess, events), under a small heading;
// a tone colours its top edge (an exit with an error).
export function Subsection({
  title,
  tone,
  children,
}: {
  title: ReactNode;
  tone?: StatusTone;
  children: ReactNode;
}) {
  const classes = tone ? `${styles.subsection} ${styles.toned} ${toneClass(tone)}` : styles.subsection;
  return (
    <div className={classes}>
      <h5 className={styles.title}>{title}</h5>
      {children}
    </div>
  );
}
