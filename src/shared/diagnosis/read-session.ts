import { parseDate } from '../domain/format-time';
import { institutionLabel, sessionInstitutionOf } from '../domain/institution';
import { eventsInTimeOrder } from '../domain/ordering';
import { sessionExit } from '../domain/session-outcome';
import type { StatusTone } from '../domain/status-tone';
import { describeView } from '../domain/view-names';
import type { LinkEvent, LinkSession } from '../schemas/link-token-get-response';
import type { PlaidError } from '../schemas/plaid-error';
import { lastActivityOf, sessionFacts } from './session-verdict';
import { sessionSteps, stoppedAt, type SessionStep, type StepKind } from './session-steps';
import {
  decide,
  DECISIVE_VERDICTS,
  SESSION_RULES,
  VERDICT_TONES,
  type SessionFacts,
  type SessionVerdict,
} from './verdict';
import { exitStatusMeaning } from './exit-status';
import { itemlessFlow, verificationCaveat, type ItemlessFlow } from './flows';
import { linkedCaveat, type LinkedCaveat } from './linked-caveats';
import { failedAttempts, linkedInstitutions, type FailedAttempt } from './several-items';
import { errorCount, errorEventRequestId, errorOfEvent, lastUnansweredError } from './session-errors';

// Reading one Link session: its events in time order, the facts the verdict rules need, and what
// came of it (verdict, steps, institution, error, what the end user saw).

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
  // Every bank a linked session added an Item for (Multi-Item and Hosted Link add several), and
  // the banks it tried in between without linking; both empty unless the session linked.
  linkedInstitutions: string[];
  failedAttempts: FailedAttempt[];
  error: PlaidError | null;
  // How many ERROR events carried the error's code ("3 failed sign-ins"); 0 without an error.
  errorRepeats: number;
  // The request_id of the last ERROR event with the error's code: what Plaid support asks for.
  errorEventRequestId: string | null;
  exitStatus: string | null;
  // What the exit status means for this session, read from the steps it reached (exit-status.ts).
  exitStatusMeaning: string | null;
  steps: SessionStep[];
  // The last step before the exit: where the user stopped (or got to, while in progress).
  stoppedAt: StepKind | null;
  endUserSaw: EndUserSaw | null;
}

function instant(value: string | null | undefined): number | null {
  return parseDate(value)?.getTime() ?? null;
}

// A session read once: its events in time order, the facts the rules need and what came of it.
export interface ReadSession {
  events: LinkEvent[];
  facts: SessionFacts;
  // For a linked session, what still stands between it and done (linked-caveats.ts).
  caveat: LinkedCaveat | null;
  // Identity Verification or Layer: flows that add no Item (flows.ts).
  flow: ItemlessFlow | null;
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

// `statusMeaning`: what the exit status means for this session (exit-status.ts).
function describeEndUserSaw(
  message: string | null,
  screen: string | null,
  exitStatus: string | null,
  statusMeaning: string | null,
): EndUserSaw | null {
  const sentences = [
    message ? `Link showed: “${message}”${/[.!?]$/.test(message) ? '' : '.'}` : null,
    screen ? `Last screen: ${describeView(screen)}.` : null,
    exitStatus ? `Exit status ${exitStatus}${statusMeaning ? `: the user ${statusMeaning}` : ''}.` : null,
  ].filter((sentence): sentence is string => sentence !== null);
  if (sentences.length === 0) return null;
  return { message, lastScreen: screen, exitStatus, text: sentences.join(' ') };
}

export function readSession(session: LinkSession, tokenExpired: boolean, now: number): ReadSession {
  const events = eventsInTimeOrder(session.events ?? []);
  const exit = sessionExit(session);
  const lastActivityAt = lastActivityOf(session, events);
  const facts = sessionFacts(session, events, lastActivityAt, tokenExpired, now);
  const verdict = decide(SESSION_RULES, facts);
  const steps = sessionSteps(
    events,
    { finishedAt: session.finished_at ?? null, inProgress: verdict === 'in progress' },
    now,
  );
  const started = instant(session.started_at);
  const ended = instant(session.finished_at) ?? instant(lastActivityAt);
  const exitStatus = exit?.metadata?.status ?? null;
  // Without an exit, a session that failed did so on its last ERROR event.
  const unanswered = lastUnansweredError(events);
  const error = exit?.error ?? (verdict === 'failed' && unanswered ? errorOfEvent(unanswered) : null);
  const institution = sessionInstitutionOf(session, events);
  const stopped = stoppedAt(steps)?.kind ?? null;
  const linkedBanks = verdict === 'linked' ? linkedInstitutions(session) : [];
  const statusMeaning = exitStatus ? exitStatusMeaning(exitStatus, events, stopped, error !== null) : null;
  return {
    events,
    facts,
    caveat: verdict === 'linked' ? (verificationCaveat(events) ?? linkedCaveat(session)) : null,
    flow: itemlessFlow(events),
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
      linkedInstitutions: linkedBanks,
      failedAttempts: verdict === 'linked' ? failedAttempts(events, linkedBanks) : [],
      error,
      errorRepeats: error ? errorCount(events, error.error_code) : 0,
      errorEventRequestId: error ? errorEventRequestId(events, error.error_code) : null,
      exitStatus,
      exitStatusMeaning: statusMeaning,
      steps,
      stoppedAt: stopped,
      endUserSaw: describeEndUserSaw(
        error?.display_message ?? null,
        lastScreen(events),
        exitStatus,
        statusMeaning,
      ),
    },
  };
}

// The session the verdict is about: the newest that linked, failed or is in progress, else the
// newest. `sessions` is newest first.
export function primarySession(sessions: readonly ReadSession[]): ReadSession {
  return sessions.find((read) => DECISIVE_VERDICTS.includes(read.diagnosis.verdict)) ?? sessions[0]!;
}
