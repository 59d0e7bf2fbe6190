import { ACTOR_LABELS, STEP_LABELS } from '../../../../shared/diagnosis';
import { csvLines } from '../../../../shared/domain/csv';
import { TOKEN_STATUS_LABELS } from '../../../../shared/domain/token-status';
import { notKeptReason, type AnswerNotKept } from './answer-budget';
import { sourceCells, sourceHeaders, sourceObject, type BatchSource } from './batch-source';
import type { BatchRow } from './batch-row';
import { linkErrorCode, lookupErrorCode } from './failure-kind';
import { ROW_VERDICT_LABELS } from './row-verdict';
import type { BatchOutcome } from './run-batch';

// CSV and JSON exports of a batch, with the same column names and the same words as the table in
// both: the verdict and who acts next first, then the evidence. Built only from rows and Plaid's
// answers, which never hold the credentials the user typed, so an export cannot leak them.

const COLUMNS: { header: string; value: (row: BatchRow) => string | number | null }[] = [
  { header: 'link_token', value: (row) => row.token },
  { header: 'environment', value: (row) => row.environment },
  { header: 'verdict', value: (row) => ROW_VERDICT_LABELS[row.verdict] },
  { header: 'summary', value: (row) => row.headline },
  { header: 'who_acts_next', value: (row) => row.actor && ACTOR_LABELS[row.actor] },
  { header: 'next_step', value: (row) => row.nextStep },
  // Link's error apart from the lookup's own (failure-kind.ts).
  { header: 'error_code', value: linkErrorCode },
  { header: 'lookup_error_code', value: lookupErrorCode },
  { header: 'exit_status', value: (row) => row.exitStatus },
  { header: 'institution', value: (row) => row.institution },
  { header: 'institution_id', value: (row) => row.institutionId },
  { header: 'step_reached', value: (row) => row.stepReached && STEP_LABELS[row.stepReached] },
  { header: 'last_activity_at', value: (row) => row.lastActivityAt },
  { header: 'token_validity', value: (row) => row.validity && TOKEN_STATUS_LABELS[row.validity] },
  { header: 'expiration', value: (row) => row.expiration },
  { header: 'sessions', value: (row) => row.sessionCount },
  { header: 'error_message', value: (row) => row.errorMessage },
  { header: 'request_id', value: (row) => row.requestId },
];

// RFC 4180: CRLF line ends, a header line. After the batch's columns, the paste's own (batch-source.ts).
export function toCsv(rows: readonly BatchRow[], source: BatchSource): string {
  return csvLines([
    [...COLUMNS.map((column) => column.header), ...sourceHeaders(source)],
    ...rows.map((row) => [...COLUMNS.map((c) => c.value(row)), ...sourceCells(source, row.token)]),
  ]);
}

export type BatchExportEntry = { row: BatchRow; outcome: BatchOutcome | null; notKept: AnswerNotKept | null };

// The JSON export keeps Plaid's whole answer (or error) per token, for anyone who needs more than
// the table shows. An answer over the batch's memory budget was not kept: its `response` is null,
// `response_not_kept` says why, and `responses_not_kept` counts them, so a reader never takes a
// missing answer for an empty one.
export function toJson(entries: readonly BatchExportEntry[], exportedAt: Date, source: BatchSource): string {
  return JSON.stringify(
    {
      exported_at: exportedAt.toISOString(),
      responses_not_kept: entries.filter((entry) => entry.notKept).length,
      tokens: entries.map(({ row, outcome, notKept }) => ({
        ...Object.fromEntries(COLUMNS.map((column) => [column.header, column.value(row)])),
        occurrences: source.occurrences[row.token] ?? null,
        source: sourceObject(source, row.token),
        response: outcome?.kind === 'success' ? outcome.result.raw : null,
        response_not_kept: notKept && notKeptReason(notKept),
        error: outcome?.kind === 'error' ? outcome.error.error : null,
      })),
    },
    null,
    2,
  );
}
