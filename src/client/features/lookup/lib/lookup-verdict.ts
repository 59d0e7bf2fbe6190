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
  // "Verdict: Failed (Tartan Bank, ITEM_LOGIN_REQUIRED)." for the screen reader. Not the
  // headline: while live watch polls, its "last activity 5 s ago" would be announced anew every
  // few seconds; this changes only when the outcome does.
  sentence: string;
};

function sentenceOf(verdict: Verdict | LookupVerdict, parts: readonly string[]): string {
  return `Verdict: ${VERDICT_LABELS[verdict]}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}.`;
}

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
  ].filter((part): part is string => Boolean(part));
  return {
    verdict: diagnosis.verdict,
    tone: diagnosis.tone,
    detail: parts.join(' · '),
    sentence: sentenceOf(diagnosis.verdict, parts),
  };
}

export function errorVerdict(error: ApiError): LookupVerdictSummary {
  const diagnosis = diagnoseLookupError(error.error, error.httpStatus);
  const code = diagnosis.errorCode || 'unknown error';
  return {
    verdict: diagnosis.verdict,
    tone: diagnosis.tone,
    detail: code,
    sentence: sentenceOf(diagnosis.verdict, [code]),
  };
}
