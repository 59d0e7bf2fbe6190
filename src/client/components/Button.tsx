import type { ComponentProps } from 'react';
import styles from './Button.module.css';

type ButtonProps = ComponentProps<'button'> & {
  // primary: the one main action of a form; quiet: a minor action beside content.
  variant?: 'primary' | 'secondary' | 'quiet';
  size?: 'normal' | 'small';
};

// The app's one button. A plain <button> underneath (type="button" unless told otherwise), so
// every prop and ARIA attribute passes through.
export function Button({
  variant = 'secondary',
  size = 'normal',
  type = 'button',
  className,
  ...props
}: ButtonProps) {
  const classes = [
    styles.button,
    variant !== 'secondary' && styles[variant],
    size === 'small' && styles.small,
  ];
  return <button type={type} className={[...classes, className].filter(Boolean).join(' ')} {...props} />;
}
