import { useId, type ReactNode } from 'react';
import { ACTOR_LABELS, type Actor } from '../../../../shared/diagnosis';
import type { StatusTone } from '../../../../shared/domain/status-tone';
import { DocsLink } from '../../../components/DocsLink';
import { Field, FieldList } from '../../../components/Field';
import { StatusBadge } from '../../../components/StatusBadge';
import text from '../../../components/text.module.css';
import { Timestamp } from '../../../components/Timestamp';
import { toneClass } from '../../../components/tone';
import styles from './VerdictBlock.module.css';

export type VerdictBlockProps = {
  // The verdict word (VERDICT_LABELS) and its tone: the same on every screen.
  label: string;
  tone: StatusTone;
  // One sentence naming the outcome (for a failed lookup: the code, who failed, the HTTP status).
  headline: ReactNode;
  // What happened as others saw it, before who acts next: what the end user saw, or the
  // error's own message.
  facts: readonly { label: string; value: string }[];
  actor: Actor;
  nextStep: string;
  // Our words for why; null when we have none.
  explanation: string | null;
  docs: { href: string; label: string } | null;
  // What else the answer adds (earlier attempts, a degraded bank); may be empty.
  notes: readonly string[];
  // When the answer the verdict rests on arrived (epoch ms): the verdict is as of then.
  at: number;
  // Copy for a ticket.
  actions: ReactNode;
};

// The outcome first: the verdict word, one sentence, who acts next and what they do. Used for an
// answer (the diagnosis) and for a failed lookup alike, so both read the same way.
export function VerdictBlock(props: VerdictBlockProps) {
  const headingId = useId();
  return (
    <section className={`${styles.verdict} ${toneClass(props.tone)}`} aria-labelledby={headingId}>
      <div className={styles.top}>
        <h3 id={headingId} className={styles.heading}>
          Verdict
        </h3>
        <span className={text.hint}>
          as of <Timestamp value={new Date(props.at).toISOString()} timeOnly />
        </span>
        <div className={styles.actions}>{props.actions}</div>
      </div>
      <p className={styles.lead}>
        <StatusBadge tone={props.tone}>{props.label}</StatusBadge>{' '}
        <span className={styles.headline}>{props.headline}</span>
      </p>
      <FieldList>
        <Field label="Who acts next">
          <strong>{ACTOR_LABELS[props.actor]}</strong>
        </Field>
        <Field label="Next step">
          {props.nextStep}
          {props.docs && (
            <>
              {' '}
              <DocsLink href={props.docs.href}>{props.docs.label}</DocsLink>
            </>
          )}
        </Field>
        {/* Who acts and what they do come first; what the end user saw and the bank's health
            support them. */}
        {props.facts.map((fact) => (
          <Field key={fact.label} label={fact.label}>
            {fact.value}
          </Field>
        ))}
        {props.explanation && <Field label="Why">{props.explanation}</Field>}
      </FieldList>
      {props.notes.length > 0 && (
        <ul className={`${text.plainList} ${styles.notes}`} aria-label="Also">
          {props.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
