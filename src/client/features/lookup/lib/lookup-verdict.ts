import type { ApiError } from '../../../api/api-error';
import {
  diagnose,
  diagnoseLookupError,
  VERDICT_LABELS,
  type LookupVerdict,
  type Verdict,
} from '../../../../shared/diagnosis';
import type { StatusTone } from '../../../../shared/domain/status-tone';
import type { LinkTokenGetResponse } from '../../../../shared/schemas/link-token-get-response';

// A lookup's verdict in a few words, for the recent lookups and the screen reader announcement:
// the same word and tone as the answer's Verdict block.
export type LookupVerdictSummary = {
  verdict: Verdict | LookupVerdict;
  tone: StatusTone;
  // "Tartan Bank · ITEM_LOGIN_REQUIRED · 3 sessions", "no sessions", or a failed lookup's code.
  detail: string;
  // "Verdict: Failed. Link failed at Tartan Bank with ITEM_LOGIN_REQUIRED (exit status
  // requires_code)." As the ticket text starts.
  sentence: string;
};

function sessionCount(count: number): string {
  if (count === 0) return 'no sessions';
  return `${count} ${count === 1 ? 'session' : 'sessions'}`;
}

export function answerVerdict(data: LinkTokenGetResponse, at: number): LookupVerdictSummary {
  const diagnosis = diagnose(data, at);
  const session = diagnosis.sessions.find((candidate) => candidate.linkSessionId === diagnosis.linkSessionId);
  const count = diagnosis.sessions.length;
  const parts = [
    session?.institutionName,
    diagnosis.error?.error_code,
    // One session is the verdict's own: the count only says something when there are others.
    count === 1 && session ? null : sessionCount(count),
  ].filter(Boolean);
  return {
    verdict: diagnosis.verdict,
    tone: diagnosis.tone,
    detail: parts.join(' · '),
    sentence: `Verdict: ${VERDICT_LABELS[diagnosis.verdict]}. ${diagnosis.headline}`,
  };
}

export function errorVerdict(error: ApiError): LookupVerdictSummary {
  const diagnosis = diagnoseLookupError(error.error, error.httpStatus);
  return {
    verdict: diagnosis.verdict,
    tone: diagnosis.tone,
    detail: diagnosis.errorCode || 'unknown error',
    sentence: `Verdict: ${VERDICT_LABELS[diagnosis.verdict]}. ${diagnosis.headline}`,
  };
}
