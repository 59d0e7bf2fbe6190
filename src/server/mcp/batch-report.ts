import { diagnoseLookupError } from '../../shared/diagnosis';
import {
  banksByFailures,
  facetCounts,
  NO_FACETS,
  type BreakdownFacts,
} from '../../shared/diagnosis/breakdown-rules';
import type { LookupFailure } from './read-reply';
import { diagnoseAnswer, type TokenAnswer } from './token-report';
import type { BatchRowResult, InspectLinkTokensResult } from './tool-schemas';

// Several tokens as inspect_link_tokens returns them: each a row as the page's batch shows it (the
// same diagnosis as a single token, or a failed lookup's), counted by the batch's own rules.

export type BatchOutcome = { linkToken: string; inspectorUrl: string } & (
  { ok: true; answer: TokenAnswer } | { ok: false; failure: LookupFailure }
);

export function batchRow(outcome: BatchOutcome, now: number): BatchRowResult {
  const { linkToken, inspectorUrl } = outcome;
  if (!outcome.ok) {
    const { error, httpStatus } = outcome.failure;
    const diagnosis = diagnoseLookupError(error, httpStatus);
    return {
      link_token: linkToken,
      verdict: diagnosis.verdict,
      headline: diagnosis.headline,
      institution: null,
      institution_id: null,
      error_code: diagnosis.errorCode,
      exit_status: null,
      actor: diagnosis.actor,
      next_step: diagnosis.nextStep,
      validity: null,
      session_count: null,
      inspector_url: inspectorUrl,
    };
  }
  const { diagnosis } = diagnoseAnswer(outcome.answer, now);
  const session = diagnosis.sessions.find((candidate) => candidate.linkSessionId === diagnosis.linkSessionId);
  return {
    link_token: linkToken,
    verdict: diagnosis.verdict,
    headline: diagnosis.headline,
    institution: session?.institutionName ?? null,
    institution_id: session?.institutionId ?? null,
    error_code: diagnosis.error?.error_code ?? null,
    exit_status: session?.exitStatus ?? null,
    actor: diagnosis.actor,
    next_step: diagnosis.nextStep,
    validity: diagnosis.tokenStatus.kind,
    session_count: diagnosis.sessions.length,
    inspector_url: inspectorUrl,
  };
}

export function batchReport(outcomes: readonly BatchOutcome[], now: number): InspectLinkTokensResult {
  const rows = outcomes.map((outcome) => batchRow(outcome, now));
  const facts = rows.map((row): BreakdownFacts => ({
    verdict: row.verdict,
    error_code: row.error_code,
    institution: row.institution,
    exit_status: row.exit_status,
    institution_id: row.institution_id,
  }));
  return {
    total: rows.length,
    breakdown: facetCounts(facts, NO_FACETS),
    banks: banksByFailures(facts),
    rows,
    looked_up_at: new Date(now).toISOString(),
  };
}

// The short text an assistant reads beside the structured content.
export function batchReportText(report: InspectLinkTokensResult): string {
  const verdicts = report.breakdown.verdict.map(({ value, count }) => `${count} ${value}`).join(', ');
  const banks = report.banks
    .slice(0, 3)
    .map((bank) => `${bank.institution} (${bank.failed} of ${bank.total} failed)`)
    .join(', ');
  return [
    `${report.total} tokens: ${verdicts}.`,
    ...(banks ? [`Banks with failures: ${banks}.`] : []),
    ...report.breakdown.error_code.slice(0, 3).map(({ value, count }) => `${value}: ${count}`),
  ].join('\n');
}
