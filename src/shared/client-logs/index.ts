// Public surface of the pasted client logs: read the text, rebuild and diagnose its sessions, and
// the ticket text for them.
export {
  diagnosePastedLogs,
  lineRange,
  pastedLogsTicket,
  type PastedLogsDiagnosis,
} from './diagnose-pasted-logs';
export { looksLikeClientLogs, MAX_PASTED_LOG_CHARS } from './paste-check';
export { readClientLogs, type ClientLogs, type UnreadLines, type UsedEntry } from './read-client-logs';
