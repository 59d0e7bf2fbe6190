import { errorAdvice } from './error-advice';
import type { ReadSession, SessionDiagnosis } from './read-session';
import type { SessionAdvice } from './session-advice';
import { STEP_PLACES } from './session-steps';
import { listed, severalItemsClause } from './several-items';
import { sincePhrase, type TimeWords } from './time-words';
import { ownEntry } from '../own-entry';

// The sentences about sessions: the headline of the verdict's session, and the notes on what the
// others (and Link's warnings) add to it.

// What a repeated error counts, in words: "3 failed sign-ins".
const REPEATED: Readonly<Record<string, string>> = {
  INVALID_CREDENTIALS: 'failed sign-ins',
  INVALID_MFA: 'failed security checks',
};

const at = (institution: string | null) => (institution ? ` at ${institution}` : '');
const forBank = (institution: string | null) => (institution ? ` for ${institution}` : '');
const plural = (count: number, one: string, many: string) => (count === 1 ? one : `${count} ${many}`);

export function sessionHeadline(
  read: ReadSession,
  advice: SessionAdvice,
  earlierFailure: SessionDiagnosis | undefined,
  now: number,
  // This session began when the return from a bank's own sign-in restarted Link (oauth-return.ts).
  oauthRetry = false,
  words: TimeWords = 'relative',
): string {
  const session = read.diagnosis;
  const bank = session.institutionName;
  const exitStatus = session.exitStatus ? ` (exit status ${session.exitStatus})` : '';
  // Without events (Plaid sends them only where event data is enabled) where the user got to is
  // unknown: not "the start".
  const place = session.stoppedAt
    ? STEP_PLACES[session.stoppedAt]
    : read.events.length === 0
      ? 'an unknown step (Plaid sent no events)'
      : STEP_PLACES.opened;
  switch (session.verdict) {
    case 'linked': {
      const earlier = earlierFailure
        ? `, after an earlier attempt failed${at(earlierFailure.institutionName)} with ${earlierFailure.error!.error_code}`
        : '';
      // Not "Linked …": the verdict badge beside it already says Linked.
      const but = read.caveat ? `, but ${read.caveat.but}` : '';
      const retry = oauthRetry
        ? ' on a second try (the return from the bank’s own sign-in started Link afresh)'
        : '';
      const banks = session.linkedInstitutions.length > 1 ? listed(session.linkedInstitutions) : bank;
      const several = severalItemsClause(session.linkedInstitutions, session.failedAttempts);
      if (!banks && read.flow) return `The user completed ${read.flow}${but}.`;
      return `The user linked ${banks ?? 'an account'}${several}${retry}${earlier}${but}.`;
    }
    case 'failed': {
      const code = session.error!.error_code;
      const repeats =
        session.errorRepeats > 1 ? ` (${session.errorRepeats} ${ownEntry(REPEATED, code) ?? 'times'})` : '';
      const noExit = read.facts.exited ? '' : '; the user then left without exiting Link';
      return `Link failed${at(bank)} with ${code}${repeats}${exitStatus}${noExit}.`;
    }
    case 'in progress': {
      const since = sincePhrase(session.lastActivityAt, now, words);
      const activity = since ? ` (last activity${since})` : '';
      return `Link is open now${at(bank)}: the user is at ${place}${activity}.`;
    }
    case 'abandoned': {
      if (!read.facts.exited && !read.facts.finished) {
        const expired = read.facts.tokenExpired ? '; the token has expired since' : '';
        return `The user stopped at ${place}${forBank(bank)}${sincePhrase(session.lastActivityAt, now, words)} and never finished${expired}.`;
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
export function otherSessionNotes(primary: SessionDiagnosis, others: readonly SessionDiagnosis[]): string[] {
  const notes: string[] = [];
  const failed = others.filter((session) => session.verdict === 'failed');
  const linked = others.filter((session) => session.verdict === 'linked');
  const abandoned = others.filter((session) => session.verdict === 'abandoned');
  const [latestFailure] = failed;
  if (latestFailure) {
    const error = latestFailure.error!;
    // The same code at the same bank as the verdict's failure is not named twice.
    const sameWay =
      primary.verdict === 'failed' &&
      primary.error?.error_code === error.error_code &&
      primary.institutionName === latestFailure.institutionName;
    const where = sameWay ? ' the same way' : `${at(latestFailure.institutionName)} with ${error.error_code}`;
    if (primary.verdict === 'linked') {
      // The headline names the earlier failure; this says why it failed.
      const why = errorAdvice(error).explanation ?? error.error_message;
      notes.push(`Why the earlier attempt failed: ${why}`);
      if (failed.length > 1) {
        notes.push(
          `${plural(failed.length - 1, 'One more earlier attempt', 'more earlier attempts')} failed too.`,
        );
      }
    } else {
      const too = primary.verdict === 'failed' && !sameWay ? ' too' : '';
      notes.push(
        failed.length === 1
          ? `An earlier attempt failed${too}${where}.`
          : `${failed.length} earlier attempts failed${primary.verdict === 'failed' ? ' too' : ''} (the latest${where}).`,
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

export function degradedNote(read: ReadSession): string[] {
  const degraded = read.events.find((event) => event.event_name === 'SELECT_DEGRADED_INSTITUTION');
  if (!degraded) return [];
  const bank = degraded.event_metadata.institution_name ?? 'the bank';
  return [`Link warned the user that ${bank}’s connection was degraded when they chose it.`];
}
