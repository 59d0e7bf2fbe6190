import { EXIT_STATUS_MEANINGS } from '../domain/exit-reasons';
import { formatDuration, parseDate } from '../domain/format-time';
import { institutionLabel, sessionInstitutionOf } from '../domain/institution';
import { eventsInTimeOrder, sessionsNewestFirst } from '../domain/ordering';
import { sessionExit } from '../domain/session-outcome';
import type { StatusTone } from '../domain/status-tone';
import { tokenStatus, type TokenStatus } from '../domain/token-status';
import { describeView } from '../domain/view-names';
import type { LinkEvent, LinkSession, LinkTokenGetResponse } from '../schemas/link-token-get-response';
import type { PlaidError } from '../schemas/plaid-error';
import type { Actor } from './actors';
import { DOCS } from './docs-links';
import { findings, type Finding } from './findings';
import { sessionAdvice, type SessionAdvice } from './session-advice';
import { lastActivityOf, sessionFacts } from './session-verdict';
import { errorAdvice } from './error-advice';
import { sessionSteps, stoppedAt, STEP_PLACES, type SessionStep, type StepKind } from './session-steps';
import {
  decide,
  DECISIVE_VERDICTS,
  NO_SESSION_RULES,
  SESSION_RETENTION_MS,
  SESSION_RULES,
  VERDICT_TONES,
  type SessionFacts,
  type SessionVerdict,
  type Verdict,
} from './verdict';
import { ownEntry } from '../own-entry';

// What the end user saw: Link's message to them, the last screen and where they left.
export interface EndUserSaw {
  // The exit error's display_message (Plaid's words for end users); null when Plaid sent none.
  message: string | null;
  // The last view_name of the session (the exit confirmation screen left out).
  lastScreen: string | null;
  exitStatus: string | null;
  // All of it in a sentence or three.
  text: string;
}

export interface SessionDiagnosis {
  linkSessionId: string;
  verdict: SessionVerdict;
  tone: StatusTone;
  startedAt: string | null;
  finishedAt: string | null;
  // The last event's timestamp (the start when there are no events).
  lastActivityAt: string | null;
  // From the start to the end (or, for an unfinished session, to its last event).
  durationMs: number | null;
  // "First Platypus Bank (ins_109508)"; institutionName: "First Platypus Bank", for sentences.
  institution: string | null;
  institutionName: string | null;
  // "ins_109508": what an institution health lookup asks for.
  institutionId: string | null;
  error: PlaidError | null;
  exitStatus: string | null;
  steps: SessionStep[];
  // The last step before the exit: where the user stopped (or got to, while in progress).
  stoppedAt: StepKind | null;
  endUserSaw: EndUserSaw | null;
}

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

function instant(value: string | null | undefined): number | null {
  return parseDate(value)?.getTime() ?? null;
}

function since(value: string | null | undefined, now: number): number | null {
  const time = instant(value);
  return time === null ? null : now - time;
}

// A session read once: its events in time order, the facts the rules need and what came of it.
interface ReadSession {
  events: LinkEvent[];
  facts: SessionFacts;
  diagnosis: SessionDiagnosis;
}

function lastScreen(events: readonly LinkEvent[]): string | null {
  const view = events.findLast(
    (event) =>
      event.event_name === 'TRANSITION_VIEW' &&
      event.event_metadata.view_name &&
      event.event_metadata.view_name !== 'EXIT',
  );
  return view?.event_metadata.view_name ?? null;
}

function describeEndUserSaw(
  message: string | null,
  screen: string | null,
  exitStatus: string | null,
): EndUserSaw | null {
  const sentences = [
    message ? `Link showed: “${message}”${/[.!?]$/.test(message) ? '' : '.'}` : null,
    screen ? `Last screen: ${describeView(screen)}.` : null,
    exitStatus
      ? `Exit status ${exitStatus}${ownEntry(EXIT_STATUS_MEANINGS, exitStatus) ? `: the user ${ownEntry(EXIT_STATUS_MEANINGS, exitStatus)}` : ''}.`
      : null,
  ].filter((sentence): sentence is string => sentence !== null);
  if (sentences.length === 0) return null;
  return { message, lastScreen: screen, exitStatus, text: sentences.join(' ') };
}

function readSession(session: LinkSession, tokenExpired: boolean, now: number): ReadSession {
  const events = eventsInTimeOrder(session.events ?? []);
  const exit = sessionExit(session);
  const lastActivityAt = lastActivityOf(session, events);
  const facts = sessionFacts(session, lastActivityAt, tokenExpired, now);
  const verdict = decide(SESSION_RULES, facts);
  const steps = sessionSteps(
    events,
    { finishedAt: session.finished_at ?? null, inProgress: verdict === 'in progress' },
    now,
  );
  const started = instant(session.started_at);
  const ended = instant(session.finished_at) ?? instant(lastActivityAt);
  const exitStatus = exit?.metadata?.status ?? null;
  const error = exit?.error ?? null;
  const institution = sessionInstitutionOf(session, events);
  return {
    events,
    facts,
    diagnosis: {
      linkSessionId: session.link_session_id,
      verdict,
      tone: VERDICT_TONES[verdict],
      startedAt: session.started_at ?? null,
      finishedAt: session.finished_at ?? null,
      lastActivityAt,
      durationMs: started !== null && ended !== null && ended >= started ? ended - started : null,
      institution: institutionLabel(institution),
      institutionName: institution?.name ?? institution?.institution_id ?? null,
      institutionId: institution?.institution_id ?? null,
      error,
      exitStatus,
      steps,
      stoppedAt: stoppedAt(steps)?.kind ?? null,
      endUserSaw: describeEndUserSaw(error?.display_message ?? null, lastScreen(events), exitStatus),
    },
  };
}

// The session the verdict is about: the newest that linked, failed or is in progress, else the
// newest. `sessions` is newest first.
function primarySession(sessions: readonly ReadSession[]): ReadSession {
  return sessions.find((read) => DECISIVE_VERDICTS.includes(read.diagnosis.verdict)) ?? sessions[0]!;
}

const at = (institution: string | null) => (institution ? ` at ${institution}` : '');
const forBank = (institution: string | null) => (institution ? ` for ${institution}` : '');
const plural = (count: number, one: string, many: string) => (count === 1 ? one : `${count} ${many}`);

function ago(ms: number | null): string {
  if (ms === null) return '';
  return ms < 1000 ? ' just now' : ` ${formatDuration(ms)} ago`;
}

function sessionHeadline(
  read: ReadSession,
  advice: SessionAdvice,
  earlierFailure: SessionDiagnosis | undefined,
  now: number,
): string {
  const session = read.diagnosis;
  const bank = session.institutionName;
  const exitStatus = session.exitStatus ? ` (exit status ${session.exitStatus})` : '';
  const place = session.stoppedAt ? STEP_PLACES[session.stoppedAt] : STEP_PLACES.opened;
  switch (session.verdict) {
    case 'linked': {
      const earlier = earlierFailure
        ? `, after an earlier attempt failed${at(earlierFailure.institutionName)} with ${earlierFailure.error!.error_code}`
        : '';
      // Not "Linked …": the verdict badge beside it already says Linked.
      return `The user linked ${bank ?? 'an account'}${earlier}.`;
    }
    case 'failed':
      return `Link failed${at(bank)} with ${session.error!.error_code}${exitStatus}.`;
    case 'in progress': {
      const activity = session.lastActivityAt
        ? ` (last activity${ago(since(session.lastActivityAt, now))})`
        : '';
      return `Link is open now${at(bank)}: the user is at ${place}${activity}.`;
    }
    case 'abandoned': {
      if (!read.facts.exited && !read.facts.finished) {
        const expired = read.facts.tokenExpired ? '; the token has expired since' : '';
        return `The user stopped at ${place}${forBank(bank)}${ago(since(session.lastActivityAt, now))} and never finished${expired}.`;
      }
      if (!read.facts.exited) {
        return `The session${at(bank)} ended without an exit or a success: Plaid did not say why.`;
      }
      const why = advice.because ? `: ${advice.because}` : '';
      return `The user left Link at ${place}${forBank(bank)} without finishing${why}${exitStatus}.`;
    }
  }
}

// What the other sessions add to the verdict's session.
function otherSessionNotes(primary: SessionDiagnosis, others: readonly SessionDiagnosis[]): string[] {
  const notes: string[] = [];
  const failed = others.filter((session) => session.verdict === 'failed');
  const linked = others.filter((session) => session.verdict === 'linked');
  const abandoned = others.filter((session) => session.verdict === 'abandoned');
  const [latestFailure] = failed;
  if (latestFailure) {
    const error = latestFailure.error!;
    const where = `${at(latestFailure.institutionName)} with ${error.error_code}`;
    if (primary.verdict === 'linked') {
      const why = errorAdvice(error).explanation ?? error.error_message;
      notes.push(`An earlier attempt failed${where}: ${why}`);
      if (failed.length > 1) {
        notes.push(
          `${plural(failed.length - 1, 'One more earlier attempt', 'more earlier attempts')} failed too.`,
        );
      }
    } else {
      const too = primary.verdict === 'failed' ? ' too' : '';
      notes.push(
        failed.length === 1
          ? `An earlier attempt failed${too}${where}.`
          : `${failed.length} earlier attempts failed${too} (the latest${where}).`,
      );
    }
  }
  if (linked.length > 0) {
    const bank = linked[0]!.institutionName ?? 'an Item';
    notes.push(
      linked.length === 1
        ? `Another session linked ${bank}.`
        : `${linked.length} other sessions linked (the latest: ${bank}).`,
    );
  }
  if (abandoned.length > 0) {
    notes.push(
      `${plural(abandoned.length, 'Another session was', 'other sessions were')} left without finishing.`,
    );
  }
  return notes;
}

function degradedNote(read: ReadSession): string[] {
  const degraded = read.events.find((event) => event.event_name === 'SELECT_DEGRADED_INSTITUTION');
  if (!degraded) return [];
  const bank = degraded.event_metadata.institution_name ?? 'the bank';
  return [`Link warned the user that ${bank}’s connection was degraded when they chose it.`];
}

function diagnoseSessions(
  response: LinkTokenGetResponse,
  status: TokenStatus,
  now: number,
): Omit<Diagnosis, 'tokenStatus' | 'findings'> {
  const reads = sessionsNewestFirst(response.link_sessions ?? []).map((session) =>
    readSession(session, status.kind === 'expired', now),
  );
  const primary = primarySession(reads);
  const session = primary.diagnosis;
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
    },
    response.metadata,
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
    ),
    endUserSaw: session.endUserSaw,
    actor: advice.actor,
    nextStep: advice.nextStep,
    explanation: advice.explanation,
    error: session.error,
    docsUrl: advice.docsUrl,
    institution: session.institution,
    linkSessionId: session.linkSessionId,
    notes: [...degradedNote(primary), ...otherSessionNotes(session, others)],
    sessions: reads.map((read) => read.diagnosis),
  };
}

function validityPhrase(status: TokenStatus): string {
  switch (status.kind) {
    case 'active':
      return `it is still valid for ${formatDuration(status.msLeft)}`;
    case 'expired':
      return `it expired ${formatDuration(status.msAgo)} ago`;
    case 'unknown':
      return 'Plaid did not say when it expires';
  }
}

function diagnoseNoSessions(
  response: LinkTokenGetResponse,
  status: TokenStatus,
  now: number,
): Omit<Diagnosis, 'tokenStatus' | 'findings'> {
  const createdAgoMs = since(response.created_at, now);
  const verdict = decide(NO_SESSION_RULES, {
    createdAgoMs,
    validity: status.kind === 'active' ? 'valid' : status.kind,
  });
  const shared = {
    verdict,
    tone: VERDICT_TONES[verdict],
    endUserSaw: null,
    error: null,
    institution: null,
    linkSessionId: null,
    notes: [],
    sessions: [],
  };
  switch (verdict) {
    case 'never opened':
      return {
        ...shared,
        headline:
          status.kind === 'active'
            ? `Link has not been opened with this token yet; ${validityPhrase(status)}.`
            : 'Link has not been opened with this token yet.',
        actor: 'end user',
        nextStep:
          'The user opens Link with this token. If they say they did, the integrating team checks that the app opens Link with this very token, in this environment.',
        explanation:
          'Plaid has no session for this token, and the token is recent enough that any session would still show (Plaid keeps them six hours after they end).',
        docsUrl: DOCS.linkTokenGet,
      };
    case 'expired unused':
      return {
        ...shared,
        headline: `The token expired${status.kind === 'expired' ? ` ${formatDuration(status.msAgo)} ago` : ''} without Link being opened with it.`,
        actor: 'integrating team',
        nextStep:
          'Create a new link token and have the user open Link with it. If the user says they tried, check the app’s logs: did it open Link with this token?',
        explanation:
          'Plaid has no session for this token, and it is recent enough that any session would still show (Plaid keeps them six hours after they end).',
        docsUrl: DOCS.linkTokenGet,
      };
    default: {
      const age =
        createdAgoMs === null
          ? 'Plaid did not say when this token was created'
          : `This token was created ${formatDuration(createdAgoMs)} ago`;
      return {
        ...shared,
        headline: `Plaid has no session data: Link was never opened with this token, or its sessions ended more than six hours ago; ${validityPhrase(status)}.`,
        actor: 'integrating team',
        nextStep:
          status.kind === 'active'
            ? 'Check the app’s own logs of Link’s onSuccess and onExit callbacks for this user. The token can still be used: the user can open Link with it.'
            : 'Check the app’s own logs of Link’s onSuccess and onExit callbacks for this user; if they still need to link, create a new link token.',
        explanation: `${age}. Plaid keeps session data for six hours after a session ends (${formatDuration(SESSION_RETENTION_MS)}), so it cannot tell whether Link was never opened or its sessions ended earlier.`,
        docsUrl: DOCS.linkTokenGet,
      };
    }
  }
}

// The diagnosis of one /link/token/get answer, looked up at `now` (epoch ms): the verdict first,
// then what proves it.
export function diagnose(response: LinkTokenGetResponse, now: number): Diagnosis {
  const status = tokenStatus(response.expiration, now);
  const core =
    (response.link_sessions ?? []).length > 0
      ? diagnoseSessions(response, status, now)
      : diagnoseNoSessions(response, status, now);
  return { ...core, tokenStatus: status, findings: findings(response, now) };
}
