import { formatDuration, parseDate } from '../domain/format-time';
import { eventsInTimeOrder } from '../domain/ordering';
import { sessionExit } from '../domain/session-outcome';
import type { LinkEvent, LinkSession } from '../schemas/link-token-get-response';
import type { PlaidError } from '../schemas/plaid-error';
import type { Actor } from './actors';
import { MINUTE_MS } from './verdict';

// The return from a bank's own sign-in (OAuth). Link hands the user to the bank (OPEN_OAUTH); the
// bank sends them to the token's redirect_uri, and that page must reopen Link with the same token
// and the full redirect URL as receivedRedirectUri, which resumes the session. When the page
// opens Link afresh instead, Plaid records a new session and the first one ends at OPEN_OAUTH.

// A new session this soon after a hand-off to the bank is the return, not a later visit.
export const OAUTH_RETURN_WINDOW_MS = 15 * MINUTE_MS;

// The hand-off to the bank, when it is the last thing the session did (views aside) and no exit
// came: Link never heard back from the bank. `events` in time order.
export function unansweredOauthHandOff(events: readonly LinkEvent[], exited: boolean): LinkEvent | null {
  if (exited) return null;
  const last = events.findLast((event) => event.event_name !== 'TRANSITION_VIEW');
  return last?.event_name === 'OPEN_OAUTH' ? last : null;
}

// A session that ended at the hand-off to the bank, and the session the return started afresh.
export interface OauthRestart {
  earlierSessionId: string;
  laterSessionId: string;
  bank: string | null;
  // From the hand-off to the new session's start.
  gapMs: number;
}

export function oauthRestarts(sessions: readonly LinkSession[]): OauthRestart[] {
  const started = (session: LinkSession) => parseDate(session.started_at)?.getTime() ?? NaN;
  const inOrder = sessions.filter((session) => !Number.isNaN(started(session)));
  inOrder.sort((a, b) => started(a) - started(b));
  return inOrder.flatMap((session) => {
    const handOff = unansweredOauthHandOff(
      eventsInTimeOrder(session.events ?? []),
      Boolean(sessionExit(session)),
    );
    const handOffAt = Date.parse(handOff?.timestamp ?? '');
    if (!handOff || Number.isNaN(handOffAt)) return [];
    const later = inOrder.find(
      (other) => started(other) >= handOffAt && started(other) - handOffAt <= OAUTH_RETURN_WINDOW_MS,
    );
    if (!later) return [];
    return [
      {
        earlierSessionId: session.link_session_id,
        laterSessionId: later.link_session_id,
        bank: handOff.event_metadata.institution_name ?? null,
        gapMs: started(later) - handOffAt,
      },
    ];
  });
}

export function restartNote(restart: OauthRestart): string {
  const bank = restart.bank ? `${restart.bank}’s` : 'the bank’s';
  return `An OAuth retry: a session went to ${bank} own sign-in and never came back; ${formatDuration(restart.gapMs)} later Link started afresh in a new session instead of resuming it (see Findings).`;
}

// INVALID_FIELD errors about the OAuth return: Plaid's error_message names the field at fault.
const OAUTH_FIELD_ERRORS: readonly { pattern: RegExp; explanation: string; nextStep: string }[] = [
  {
    pattern: /oauth_state_id/i,
    explanation:
      'Link was reopened after the bank’s sign-in with an oauth_state_id Plaid did not accept: the redirect URL passed back was cut short or changed, or belongs to another session.',
    nextStep:
      'On the redirect_uri page, pass the complete URL the bank redirected to (with its oauth_state_id, unchanged) as receivedRedirectUri, with the same link token that started the session.',
  },
  {
    pattern: /continuation/i,
    explanation:
      'Link could not resume after the bank’s sign-in: the continuation token it was reopened with was missing, expired or from another session.',
    nextStep:
      'Reopen Link on return from the bank with the same link token and the full redirect URL as receivedRedirectUri, once per return and before the token expires.',
  },
  {
    pattern: /redirect[ _]ur[il]/i,
    explanation:
      'The token’s redirect_uri is not one of the allowed redirect URIs registered in Plaid’s Dashboard, so Link cannot send the user to the bank and back.',
    nextStep:
      'Add the redirect_uri exactly as the token sends it (scheme, host, path, no query) to the allowed redirect URIs in Plaid’s Dashboard (Developers → API), then create a new token.',
  },
];

// Our advice for an INVALID_FIELD error about the OAuth return; null for any other error.
export function oauthFieldAdvice(
  error: PlaidError,
): { actor: Actor; nextStep: string; explanation: string } | null {
  if (error.error_code !== 'INVALID_FIELD') return null;
  const known = OAUTH_FIELD_ERRORS.find((entry) => entry.pattern.test(error.error_message));
  return known
    ? { actor: 'integrating team', nextStep: known.nextStep, explanation: known.explanation }
    : null;
}
