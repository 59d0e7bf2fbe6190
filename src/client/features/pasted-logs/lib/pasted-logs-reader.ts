import {
  diagnosePastedLogs,
  readClientLogs,
  type ClientLogs,
  type PastedLogsDiagnosis,
} from '../../../../shared/client-logs';

// What the page shows for pasted logs: the lines read and unread, the sessions rebuilt from them
// and their diagnosis, as of `readAt` (epoch ms).
export type PastedLogsAnswer = { logs: ClientLogs; result: PastedLogsDiagnosis; readAt: number };

export function readAndDiagnose(text: string, now: number): PastedLogsAnswer {
  const logs = readClientLogs(text);
  return { logs, result: diagnosePastedLogs(logs, now), readAt: now };
}
