import type { ReactNode } from 'react';
import type { StatusTone } from '../../shared/domain/status-tone';
import styles from './StatusBadge.module.css';
import { toneClass } from './tone';

// A status in a word or two, in its tone's colours. The words carry the meaning (the same words
// on every screen); the tone only reinforces them.
export function StatusBadge({ tone, children }: { tone: StatusTone; children: ReactNode }) {
  return <span className={`${styles.badge} ${toneClass(tone)}`}>{children}</span>;
}
