import type { ComponentProps } from 'react';
import type { StatusTone } from '../../shared/domain/status-tone';
import styles from './Notice.module.css';
import { toneClass } from './tone';

type NoticeProps = ComponentProps<'p'> & {
  tone: StatusTone;
  // Text in the tone's own colour: for what must not be missed (simulator mode, a limit).
  strong?: boolean;
};

// A sentence set apart in a status tone: a warning, a limit, what an empty answer means.
export function Notice({ tone, strong = false, className, ...props }: NoticeProps) {
  const classes = [styles.notice, toneClass(tone), strong && styles.strong, className];
  return <p className={classes.filter(Boolean).join(' ')} {...props} />;
}
