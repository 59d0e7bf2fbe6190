import { EXIT_STATUS_MEANINGS } from '../domain/exit-reasons';
import type { LinkEvent } from '../schemas/link-token-get-response';
import { ownEntry } from '../own-entry';
import { eventStep, type StepKind } from './session-steps';

// What an exit status means for this session. Plaid's description of a status can cover several
// places (requires_credentials: "asked for bank credentials, or before choosing a bank"); the
// steps the session actually reached say which one it was, so the sentence never contradicts
// them. Without events, or for a status we have no words for, Plaid's description stands.

// After "the user …".
function requiresCredentials(
  events: readonly LinkEvent[],
  stoppedAt: StepKind | null,
  exitError: boolean,
): string | null {
  const submitted = events.some((event) => event.event_name === 'SUBMIT_CREDENTIALS');
  switch (stoppedAt) {
    case 'opened':
    case 'returning user':
    case 'layer':
    case 'searched':
      return 'left before choosing a bank';
    case 'bank chosen':
      return 'left after choosing a bank, before signing in to it';
    case 'credentials':
      if (submitted) return 'left after submitting their bank login, before the sign-in completed';
      // Not every client logs SUBMIT_CREDENTIALS; an error there says something was tried.
      return exitError || events.some((event) => event.event_name === 'ERROR')
        ? 'left at the bank’s sign-in form after Link showed an error'
        : 'left at the bank’s sign-in form without submitting it';
    case null:
      return null;
    default:
      return submitted
        ? 'left after submitting their bank login, before the sign-in completed'
        : 'left before the bank’s sign-in completed';
  }
}

function lastBankChoice(events: readonly LinkEvent[]): string | null {
  return events.findLast((event) => eventStep(event) === 'bank chosen')?.event_name ?? null;
}

// `events` in time order; `stoppedAt`: the last step before the exit (null without steps);
// `exitError`: the exit carries an error.
export function exitStatusMeaning(
  status: string,
  events: readonly LinkEvent[],
  stoppedAt: StepKind | null,
  exitError = false,
): string | null {
  const fromSteps =
    status === 'requires_credentials'
      ? requiresCredentials(events, stoppedAt, exitError)
      : status === 'institution_not_supported' && lastBankChoice(events) === 'SELECT_FILTERED_INSTITUTION'
        ? 'left after Link said it cannot connect the chosen bank for this token’s products or countries'
        : null;
  return fromSteps ?? ownEntry(EXIT_STATUS_MEANINGS, status) ?? null;
}
