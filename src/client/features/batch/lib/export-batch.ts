import type { BatchRow } from './batch-row';
import type { BatchOutcome } from './run-batch';

// CSV and JSON exports of a batch, with the same column names in both. Built only from rows and Plaid's answers, which never hold the
// credentials the user typed, so an export cannot leak them.

const COLUMNS: { header: string; value: (row: BatchRow) => string | number | null }[] = [
  { header: 'link_token', value: (row) => row.token },
  { header: 'environment', value: (row) => row.environment },
  { header: 'status', value: (row) => row.status },
  { header: 'expiration', value: (row) => row.expiration },
  { header: 'sessions', value: (row) => row.sessionCount },
  { header: 'last_session_outcome', value: (row) => row.lastSessionOutcome },
  { header: 'last_event', value: (row) => row.lastEventName },
  { header: 'last_event_at', value: (row) => row.lastEventAt },
  { header: 'error_code', value: (row) => row.errorCode },
  { header: 'error_message', value: (row) => row.errorMessage },
  { header: 'request_id', value: (row) => row.requestId },
];

// Spreadsheets run a cell that starts with one of these as a formula; a leading apostrophe keeps
// text such as an error message from doing so (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// RFC 4180: CRLF line ends, a header line.
export function toCsv(rows: readonly BatchRow[]): string {
  const lines = [
    COLUMNS.map((column) => column.header),
    ...rows.map((row) => COLUMNS.map((c) => c.value(row))),
  ];
  return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export type BatchExportEntry = { row: BatchRow; outcome: BatchOutcome | null };

// The JSON export keeps Plaid's whole answer (or error) per token, for anyone who needs more than
// the table shows.
export function toJson(entries: readonly BatchExportEntry[], exportedAt: Date): string {
  return JSON.stringify(
    {
      exported_at: exportedAt.toISOString(),
      tokens: entries.map(({ row, outcome }) => ({
        ...Object.fromEntries(COLUMNS.map((column) => [column.header, column.value(row)])),
        response: outcome?.kind === 'success' ? outcome.result.raw : null,
        error: outcome?.kind === 'error' ? outcome.error.error : null,
      })),
    },
    null,
    2,
  );
}
