// Public surface of the status panel feature: the rest of the app renders only these.
export { StatusPanel } from './StatusPanel';
export { ErrorPanel } from './ErrorPanel';
// The batch table summarises sessions with the same words as the panel.
export { SESSION_OUTCOME_LABELS, sessionExit, sessionOutcome } from '../../../shared/domain/session-outcome';
