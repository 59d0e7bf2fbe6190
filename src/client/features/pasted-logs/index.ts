// Public surface of pasted client logs: the page holds them (usePastedLogs), offers the lookup
// field's pastes to them and places their answer beside the lookup's.
export { PastedLogsAnswer } from './components/PastedLogsAnswer';
export { usePastedLogs, type PastedLogs } from './hooks/use-pasted-logs';
