import { ACTOR_LABELS, STEP_LABELS } from '../../../../shared/diagnosis';
import { Field, FieldList } from '../../../components/Field';
import { StatusBadge } from '../../../components/StatusBadge';
import text from '../../../components/text.module.css';
import { Timestamp } from '../../../components/Timestamp';
import { toneClass } from '../../../components/tone';
import type { BatchRow } from '../lib/batch-row';
import { ROW_VERDICT_LABELS, ROW_VERDICT_TONES } from '../lib/row-verdict';
import styles from './BatchDrawer.module.css';

// The top of the drawer: the row's verdict and what to do about it, in the table's words, before
// the evidence (the status or error panel) below.
export function RowDiagnosis({ row, retrying }: { row: BatchRow; retrying: boolean }) {
  const tone = ROW_VERDICT_TONES[row.verdict];
  const verdict = <StatusBadge tone={tone}>{ROW_VERDICT_LABELS[row.verdict]}</StatusBadge>;
  if (row.verdict === 'pending' || row.verdict === 'cancelled') {
    const why = retrying
      ? 'Being looked up again; the last answer stays below until the new one arrives.'
      : row.verdict === 'pending'
        ? 'Not looked up yet.'
        : 'Not looked up: the batch was cancelled first.';
    return (
      <div className={`${styles.diagnosis} ${toneClass(tone)}`}>
        <p>
          {verdict} {why}
        </p>
      </div>
    );
  }
  return (
    <div className={`${styles.diagnosis} ${toneClass(tone)}`}>
      <p className={styles.headline}>
        {verdict} {row.headline}
      </p>
      <FieldList>
        {row.actor && <Field label="Who acts next">{ACTOR_LABELS[row.actor]}</Field>}
        {row.nextStep && <Field label="Next step">{row.nextStep}</Field>}
        {row.stepReached && <Field label="Step reached">{STEP_LABELS[row.stepReached]}</Field>}
        {row.diagnosedAt !== null && (
          <Field label="Looked up">
            <Timestamp value={new Date(row.diagnosedAt).toISOString()} />
            <span className={text.muted}> (the verdict is as of then)</span>
          </Field>
        )}
      </FieldList>
    </div>
  );
}
