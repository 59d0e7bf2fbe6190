import type { ComponentProps, ReactNode } from 'react';
import styles from './ButtonList.module.css';

// A list whose rows are buttons, each starting something (a fixture token, a recent lookup).
export function ButtonList({ children, scroll = false }: { children: ReactNode; scroll?: boolean }) {
  return <ul className={scroll ? `${styles.list} ${styles.scroll}` : styles.list}>{children}</ul>;
}

export function ButtonListItem(props: ComponentProps<'button'>) {
  return (
    <li>
      <button type="button" className={styles.item} {...props} />
    </li>
  );
}
