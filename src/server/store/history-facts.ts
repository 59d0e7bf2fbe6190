import type { Updateable } from 'kysely';
import type { Logger } from 'pino';
import { diagnose, diagnoseWithoutConfiguration, DIAGNOSIS_RULES_VERSION } from '../../shared/diagnosis';
import { sessionsOnlyAnswer } from '../../shared/diagnosis/sessions-only';
import { tokenFacts, type TokenFacts } from '../../shared/diagnosis/token-facts';
import { withKeptSessions } from '../../shared/kept/kept-view';
import type { KeptSession } from '../../shared/schemas/kept';
import type { LinkTokenGetResponse } from '../../shared/schemas/link-token-get-response';
import type { Database, KeptSource } from './schema';

// What History stores on a kept token's row (migration 002-history): the shared diagnosis of its
// merged kept view, with the rules version that produced it, and where what is kept came from.
// Written when an answer is kept (kept-answers.ts) and by the diagnosis (history.ts).

export type KeptForDiagnosis = {
  linkToken: string;
  // The newest answer kept; undefined for a token known only from Plaid's webhooks (or whose
  // newest answer no longer parses).
  answer: LinkTokenGetResponse | undefined;
  // Every session kept, as readKept() gives them.
  sessions: readonly KeptSession[];
  // The sources of the token's kept answers, and of its newest one.
  answerSources: readonly KeptSource[];
  newestAnswerSource: KeptSource | undefined;
};

type HistoryColumn =
  | 'verdict'
  | 'headline'
  | 'institution'
  | 'institution_id'
  | 'error_code'
  | 'exit_status'
  | 'step_reached'
  | 'session_count'
  | 'sources'
  | 'last_source'
  | 'rules_version'
  | 'diagnosed_at';
export type HistoryColumns = Required<Pick<Updateable<Database['kept_tokens']>, HistoryColumn>>;

// A token whose answer no longer parses (and that has no session) gets no verdict: it is left out
// of History, and not tried again.
export function historyColumns(kept: KeptForDiagnosis, now: Date, logger: Logger): HistoryColumns {
  const sessionSources = kept.sessions.map((session) => session.source);
  // A token known only from Plaid's webhooks has sessions but no answer: diagnosed from them alone.
  const answer = kept.answer ?? sessionsOnlyAnswer(kept.linkToken, []);
  const facts =
    (kept.answer || kept.sessions.length > 0) &&
    diagnoseSafely(answer, kept.sessions, now, kept.linkToken, logger, kept.answer !== undefined);
  return {
    verdict: facts ? facts.verdict : null,
    headline: facts ? facts.headline : null,
    institution: facts ? facts.institution : null,
    institution_id: facts ? facts.institution_id : null,
    error_code: facts ? facts.error_code : null,
    exit_status: facts ? facts.exit_status : null,
    step_reached: facts ? facts.step_reached : null,
    session_count: facts ? facts.session_count : null,
    sources: [...new Set<KeptSource>([...kept.answerSources, ...sessionSources])].sort(),
    last_source: kept.newestAnswerSource ?? sessionSources[0] ?? null,
    rules_version: DIAGNOSIS_RULES_VERSION,
    diagnosed_at: now,
  };
}

// A diagnosis that throws (an answer the rules did not foresee) must not stop the others: the token
// is left without a verdict, logged.
function diagnoseSafely(
  answer: LinkTokenGetResponse,
  sessions: readonly KeptSession[],
  now: Date,
  linkToken: string,
  logger: Logger,
  withConfiguration: boolean,
): TokenFacts | undefined {
  try {
    const merged = withKeptSessions(answer, sessions).data;
    const diagnosis = withConfiguration
      ? diagnose(merged, now.getTime())
      : diagnoseWithoutConfiguration(merged, now.getTime());
    return tokenFacts(diagnosis);
  } catch (error) {
    logger.error({ err: error, link_token: linkToken }, 'store: a kept answer could not be diagnosed');
    return undefined;
  }
}
