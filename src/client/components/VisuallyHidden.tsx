import type { ComponentProps } from 'react';
import styles from './VisuallyHidden.module.css';

// Text for screen readers only: live announcements, "(opens in a new tab)", a table caption.
export function VisuallyHidden(props: ComponentProps<'span'>) {
  return <span className={styles.hidden} {...props} />;
}
