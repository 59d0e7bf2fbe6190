import { VERDICT_LABELS, type Diagnosis } from '../../../../shared/diagnosis';
import type { VerdictBlockProps } from './VerdictBlock';

// What a VerdictBlock says of a diagnosis, the same for an answer, pasted logs and the sessions the
// store kept beside an error; each adds its own docs, actions and time. `facts` holds what the end
// user saw, when the diagnosis knows it.
export function diagnosisVerdictProps(
  diagnosis: Diagnosis,
): Omit<VerdictBlockProps, 'docs' | 'at' | 'actions'> {
  return {
    label: VERDICT_LABELS[diagnosis.verdict],
    tone: diagnosis.tone,
    headline: diagnosis.headline,
    facts: diagnosis.endUserSaw ? [{ label: 'What the end user saw', value: diagnosis.endUserSaw.text }] : [],
    actor: diagnosis.actor,
    nextStep: diagnosis.nextStep,
    explanation: diagnosis.explanation,
    notes: diagnosis.notes,
  };
}
