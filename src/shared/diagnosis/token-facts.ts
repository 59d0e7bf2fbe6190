import type { Diagnosis } from './diagnose';
import type { SessionDiagnosis } from './read-session';
import type { StepKind } from './session-steps';
import type { Verdict } from './verdict';

// One token's diagnosis, flat: what a batch row and a History row show and what their breakdowns
// count. The facts come from the session the verdict is about.
export type TokenFacts = {
  verdict: Verdict;
  headline: string;
  error_code: string | null;
  error_message: string | null;
  exit_status: string | null;
  institution: string | null;
  institution_id: string | null;
  // Where in Link the verdict's session stopped (or is now, while in progress).
  step_reached: StepKind | null;
  session_count: number;
};

export function tokenFacts(diagnosis: Diagnosis): TokenFacts {
  const session: SessionDiagnosis | undefined = diagnosis.sessions.find(
    (candidate) => candidate.linkSessionId === diagnosis.linkSessionId,
  );
  return {
    verdict: diagnosis.verdict,
    headline: diagnosis.headline,
    error_code: diagnosis.error?.error_code ?? null,
    error_message: diagnosis.error?.error_message ?? null,
    exit_status: session?.exitStatus ?? null,
    institution: session?.institutionName ?? null,
    institution_id: session?.institutionId ?? null,
    step_reached: session?.stoppedAt ?? null,
    session_count: diagnosis.sessions.length,
  };
}
