import { useId, type ReactNode } from 'react';
import styles from './Card.module.css';

type CardProps = {
  // With a title the card is a region named by its heading; without, a plain box (around a form).
  title?: ReactNode;
  titleLevel?: 2 | 3;
  // Buttons at the right of the heading.
  actions?: ReactNode;
  children: ReactNode;
};

// The app's one card: a bordered surface for a form, a side panel or a section of an answer.
export function Card({ title, titleLevel = 2, actions, children }: CardProps) {
  const headingId = useId();
  if (title === undefined) return <div className={styles.card}>{children}</div>;
  const Heading = titleLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <div className={styles.header}>
        <Heading id={headingId} className={styles.title}>
          {title}
        </Heading>
        {actions && <div className={styles.actions}>{actions}</div>}
      </div>
      {children}
    </section>
  );
}
