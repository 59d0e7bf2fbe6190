// Public surface of the diagnosis: from a /link/token/get answer (or a failed lookup) to a verdict,
// who acts next, the next step and the evidence; the ticket that carries it; and whether the bank
// was in trouble when a session ran. Pure data and functions, used by both sides.
export { diagnose, diagnoseWithoutConfiguration, type Diagnosis } from './diagnose';
export { DIAGNOSIS_RULES_VERSION } from './rules-version';
export { type EndUserSaw, type SessionDiagnosis } from './read-session';
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
export {
  BANK_TROUBLE_TONES,
  bankHealthDuringSession,
  bankToCheck,
  describeRatesTiming,
  sessionWindow,
  type BankTrouble,
  type SessionBankHealth,
} from './bank-health';
export { bankHealthLine } from './bank-health-line';
export { lookupErrorSummary, supportSummary, type TicketOptions } from './support-summary';
export { renderTicket, type TicketFormat, type TicketRow, type TicketSection } from './ticket-format';
