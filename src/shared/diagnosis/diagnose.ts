import { formatDuration } from '../domain/format-time';
import { sessionsNewestFirst } from '../domain/ordering';
import type { StatusTone } from '../domain/status-tone';
import { tokenStatus, type TokenStatus } from '../domain/token-status';
import type { LinkTokenGetResponse, LinkTokenMetadata } from '../schemas/link-token-get-response';
import type { PlaidError } from '../schemas/plaid-error';
import type { Actor } from './actors';
import { findings, type Finding } from './findings';
import { degradedNote, otherSessionNotes, sessionHeadline } from './headlines';
import { noSessionAnswer } from './no-session';
import { oauthRestarts, restartNote, type OauthRestart } from './oauth-return';
import {
  primarySession,
  readSession,
  type EndUserSaw,
  type ReadSession,
  type SessionDiagnosis,
} from './read-session';
import { sessionAdvice } from './session-advice';
import type { TimeWords } from './time-words';
import { VERDICT_TONES, type Verdict } from './verdict';

// The diagnosis of one /link/token/get answer: each session read (read-session.ts), the verdict's
// session chosen and put in words (headlines.ts), or, without sessions, why there are none
// (no-session.ts); then the token's validity and the findings.

export interface Diagnosis {
  verdict: Verdict;
  tone: StatusTone;
  // One sentence: the outcome, the institution, the error code and exit status where present.
  headline: string;
  endUserSaw: EndUserSaw | null;
  actor: Actor;
  nextStep: string;
  // Our words for what happened; null when we have none (then Plaid's error_message speaks).
  explanation: string | null;
  // The error the verdict is about, as Plaid sent it.
  error: PlaidError | null;
  docsUrl: string | null;
  institution: string | null;
  // The session the verdict is about (the one to show expanded); null without sessions.
  linkSessionId: string | null;
  // What the other sessions add (an earlier failure and why, an earlier success, …).
  notes: string[];
  // Whether the token itself can still be used ("Token validity" in the details).
  tokenStatus: TokenStatus;
  // Newest first.
  sessions: SessionDiagnosis[];
  // Most severe first.
  findings: Finding[];
}

// `metadata`: the token's configuration, or null where it is not known (see sessionAdvice).
function diagnoseSessions(
  response: LinkTokenGetResponse,
  status: TokenStatus,
  now: number,
  metadata: LinkTokenMetadata | null,
  words: TimeWords = 'relative',
): Omit<Diagnosis, 'tokenStatus' | 'findings'> {
  const reads = sessionsNewestFirst(response.link_sessions ?? []).map((session) =>
    readSession(session, status.kind === 'expired', now),
  );
  // A session the OAuth return restarted was continued by the newer one: the verdict is not about
  // it, and it is told as a retry, not as one more session left unfinished.
  const restarts = oauthRestarts(response.link_sessions ?? []);
  const restarted = new Set(restarts.map((restart) => restart.earlierSessionId));
  const continued = reads.filter((read) => !restarted.has(read.diagnosis.linkSessionId));
  const primary = primarySession(continued.length > 0 ? continued : reads);
  const session = primary.diagnosis;
  for (const restart of restarts) markRestarted(reads, restart);
  const advice = sessionAdvice(
    {
      verdict: session.verdict,
      error: session.error,
      exited: primary.facts.exited,
      finished: primary.facts.finished,
      exitStatus: session.exitStatus,
      stoppedAt: session.stoppedAt,
      events: primary.events,
      tokenExpired: primary.facts.tokenExpired,
      startedAt: session.startedAt,
      tokenExpiresAt: response.expiration,
      caveat: primary.caveat,
      linkedBanks: session.linkedInstitutions.length,
      flow: primary.flow,
    },
    metadata,
  );
  const others = reads.filter((read) => read !== primary).map((read) => read.diagnosis);
  return {
    verdict: session.verdict,
    tone: session.tone,
    headline: sessionHeadline(
      primary,
      advice,
      others.find((other) => other.verdict === 'failed'),
      now,
      restarts.some((restart) => restart.laterSessionId === session.linkSessionId),
      words,
    ),
    endUserSaw: session.endUserSaw,
    actor: advice.actor,
    nextStep: advice.nextStep,
    explanation: advice.explanation,
    error: session.error,
    docsUrl: advice.docsUrl,
    institution: session.institution,
    linkSessionId: session.linkSessionId,
    notes: [
      ...degradedNote(primary),
      ...restarts.map(restartNote),
      ...otherSessionNotes(
        session,
        others.filter((other) => !restarted.has(other.linkSessionId)),
      ),
    ],
    sessions: reads.map((read) => read.diagnosis),
  };
}

// The restarted session's hand-off to the bank is where Link lost the user: its step says so.
function markRestarted(reads: readonly ReadSession[], restart: OauthRestart): void {
  const earlier = reads.find((read) => read.diagnosis.linkSessionId === restart.earlierSessionId);
  const handOff = earlier?.diagnosis.steps.findLast((step) => step.kind === 'oauth');
  if (handOff) {
    handOff.detail = `no return to Link: ${formatDuration(restart.gapMs)} later Link started afresh in a new session (an OAuth retry)`;
  }
}

function diagnoseNoSessions(
  response: LinkTokenGetResponse,
  status: TokenStatus,
  now: number,
  words: TimeWords,
): Omit<Diagnosis, 'tokenStatus' | 'findings'> {
  const answer = noSessionAnswer(response, status, now, words);
  return {
    ...answer,
    tone: VERDICT_TONES[answer.verdict],
    endUserSaw: null,
    error: null,
    institution: null,
    linkSessionId: null,
    notes: [],
    sessions: [],
  };
}

// A session that linked leaves nobody to act, unless a finding at Problem level says the
// integration itself is broken (a webhook Plaid cannot reach): then the integrating team acts.
function withProblemOwner<Core extends Pick<Diagnosis, 'actor' | 'nextStep'>>(
  core: Core,
  found: readonly Finding[],
): Core {
  const problems = found.filter((finding) => finding.severity === 'problem');
  if (core.actor !== 'nobody' || problems.length === 0) return core;
  return {
    ...core,
    actor: 'integrating team',
    nextStep: `Link itself succeeded, but the integration needs fixing: ${problems.map((problem) => problem.title).join('; ')} (see Findings).`,
  };
}

// The diagnosis of one /link/token/get answer, looked up at `now` (epoch ms): the verdict first,
// then what proves it. `words`: how its sentences name moments (a ticket's are absolute).
export function diagnose(
  response: LinkTokenGetResponse,
  now: number,
  words: TimeWords = 'relative',
): Diagnosis {
  const status = tokenStatus(response.expiration, now);
  const core =
    (response.link_sessions ?? []).length > 0
      ? diagnoseSessions(response, status, now, response.metadata, words)
      : diagnoseNoSessions(response, status, now, words);
  const found = findings(response, now);
  return { ...withProblemOwner(core, found), tokenStatus: status, findings: found };
}

// Sessions known without their token's configuration (rebuilt from pasted client logs; at least
// one): the same rules, but no advice rests on the configuration and there are no findings about it.
export function diagnoseWithoutConfiguration(response: LinkTokenGetResponse, now: number): Diagnosis {
  const status = tokenStatus(response.expiration, now);
  return { ...diagnoseSessions(response, status, now, null), tokenStatus: status, findings: [] };
}
