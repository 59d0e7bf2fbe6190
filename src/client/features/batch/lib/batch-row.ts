import { diagnose, diagnoseLookupError, type Actor, type StepKind } from '../../../../shared/diagnosis';
import type { BreakdownFacts } from '../../../../shared/diagnosis/breakdown-rules';
import { tokenFacts } from '../../../../shared/diagnosis/token-facts';
import { withKeptSessions } from '../../../../shared/kept/kept-view';
import { tokenEnvironment } from '../../../../shared/link-token';
import type { TokenStatus } from '../../../../shared/domain/token-status';
import type { RowVerdict } from './row-verdict';
import type { BatchOutcome } from './run-batch';

// One line of the batch table (and of the CSV/JSON export): the diagnosis of one token, flat. The
// verdict, who acts next and the next step come from the same diagnosis module as the single
// lookup's, so a token reads the same in both views.

export type BatchRow = {
  token: string;
  environment: string;
  verdict: RowVerdict;
  // One sentence: what happened (the diagnosis's headline, or a failed lookup's code and title).
  headline: string | null;
  actor: Actor | null;
  nextStep: string | null;
  // The error the verdict is about: the session's exit error, or the failed lookup's.
  errorCode: string | null;
  errorMessage: string | null;
  exitStatus: string | null;
  institution: string | null;
  institutionId: string | null;
  // Where in Link the verdict's session stopped (or is now, while in progress).
  stepReached: StepKind | null;
  // The newest event (or session start) across all sessions.
  lastActivityAt: string | null;
  // Whether the token itself can still be used: a different question from the verdict.
  validity: TokenStatus['kind'] | null;
  expiration: string | null;
  // The token's metadata.country_codes: where its banks' health is asked (bank-targets.ts). Kept on
  // the row because the answer itself may not be (answer-budget.ts).
  countryCodes: string[];
  sessionCount: number | null;
  // A failed lookup that may work when tried again (rate limit, 5xx, timeout, network).
  retryable: boolean;
  requestId: string | null;
  // When the answer was diagnosed (epoch ms): "in progress" is true as of then.
  diagnosedAt: number | null;
};

// What the breakdown counts of a row (the same facts History counts of a kept token).
export function breakdownFacts(row: BatchRow): BreakdownFacts {
  return {
    verdict: row.verdict,
    error_code: row.errorCode,
    institution: row.institution,
    exit_status: row.exitStatus,
    institution_id: row.institutionId,
  };
}

export function pendingRow(token: string, verdict: 'pending' | 'cancelled' | 'not kept'): BatchRow {
  return {
    token,
    environment: tokenEnvironment(token) ?? '',
    verdict,
    headline: null,
    actor: null,
    nextStep: null,
    errorCode: null,
    errorMessage: null,
    exitStatus: null,
    institution: null,
    institutionId: null,
    stepReached: null,
    lastActivityAt: null,
    validity: null,
    expiration: null,
    countryCodes: [],
    sessionCount: null,
    retryable: false,
    requestId: null,
    diagnosedAt: null,
  };
}

function latest(times: readonly (string | null)[]): string | null {
  let best: string | null = null;
  let bestMs = Number.NEGATIVE_INFINITY;
  for (const time of times) {
    // A time that does not parse is NaN, never greater: skipped.
    const ms = time === null ? NaN : Date.parse(time);
    if (ms > bestMs) [best, bestMs] = [time, ms];
  }
  return best;
}

export function rowFromOutcome(token: string, outcome: BatchOutcome, now: number): BatchRow {
  if (outcome.kind === 'error') {
    const { error, httpStatus, retryAfterSeconds } = outcome.error;
    const diagnosis = diagnoseLookupError(error, httpStatus, retryAfterSeconds);
    return {
      ...pendingRow(token, 'pending'),
      verdict: diagnosis.verdict,
      headline: diagnosis.headline,
      actor: diagnosis.actor,
      nextStep: diagnosis.nextStep,
      errorCode: diagnosis.errorCode,
      errorMessage: error.error_message,
      retryable: diagnosis.retryable,
      requestId: diagnosis.requestId,
      diagnosedAt: now,
    };
  }

  // The same view as the answer's: Plaid's sessions with the ones only the store still has.
  const { data } = withKeptSessions(outcome.result.data, outcome.result.kept?.sessions);
  const diagnosis = diagnose(data, now);
  // The same facts History stores for a kept token.
  const facts = tokenFacts(diagnosis);
  return {
    token,
    environment: tokenEnvironment(token) ?? '',
    verdict: facts.verdict,
    headline: facts.headline,
    actor: diagnosis.actor,
    nextStep: diagnosis.nextStep,
    errorCode: facts.error_code,
    errorMessage: facts.error_message,
    exitStatus: facts.exit_status,
    institution: facts.institution,
    institutionId: facts.institution_id,
    stepReached: facts.step_reached,
    lastActivityAt: latest(diagnosis.sessions.map((candidate) => candidate.lastActivityAt)),
    validity: diagnosis.tokenStatus.kind,
    expiration: data.expiration,
    countryCodes: data.metadata.country_codes,
    sessionCount: facts.session_count,
    retryable: false,
    requestId: data.request_id,
    diagnosedAt: now,
  };
}

// The rows "Retry failed lookups" runs again: lookups that failed in a way trying again can fix.
export function retryableTokens(rows: readonly BatchRow[]): string[] {
  return rows.filter((row) => row.verdict === 'lookup failed' && row.retryable).map((row) => row.token);
}
