// Public surface of the diagnosis: from a /link/token/get answer (or a failed lookup) to a verdict,
// who acts next, the next step and the evidence. Pure data and functions, used by both sides.
export { diagnose, type Diagnosis, type EndUserSaw, type SessionDiagnosis } from './diagnose';
export { ACTOR_LABELS, type Actor, type Advice } from './actors';
export { diagnoseLookupError, type LookupDiagnosis } from './lookup-error';
export {
  FINDING_IDS,
  findings,
  SEVERITY_LABELS,
  SEVERITY_TONES,
  type Finding,
  type FindingId,
  type Severity,
} from './findings';
export { STEP_LABELS, STEP_PLACES, type SessionStep, type StepKind } from './session-steps';
export {
  NO_SESSION_RULES,
  SESSION_RULES,
  VERDICT_LABELS,
  VERDICT_TONES,
  VERDICTS,
  type LookupVerdict,
  type SessionVerdict,
  type Verdict,
} from './verdict';
