import { formatDuration, msSince } from '../domain/format-time';
import type { TokenStatus } from '../domain/token-status';
import type { LinkTokenGetResponse } from '../schemas/link-token-get-response';
import type { Actor } from './actors';
import { DOCS } from './docs-links';
import { sincePhrase, untilPhrase, type TimeWords } from './time-words';
import { decide, NO_SESSION_RULES, SESSION_RETENTION_MS, type Verdict } from './verdict';

// A token without sessions: Link never opened with it, or its sessions are past Plaid's six hours.
// Which of the two the token's age and validity allow, and what to do about it.
export interface NoSessionAnswer {
  verdict: Verdict;
  headline: string;
  actor: Actor;
  nextStep: string;
  explanation: string;
  docsUrl: string;
}

function validityPhrase(
  status: TokenStatus,
  expiration: string | null,
  now: number,
  words: TimeWords,
): string {
  switch (status.kind) {
    case 'active':
      return `it is still valid${untilPhrase(expiration, now, words)}`;
    case 'expired':
      return `it expired${sincePhrase(expiration, now, words)}`;
    case 'unknown':
      return 'Plaid did not say when it expires';
  }
}

export function noSessionAnswer(
  response: LinkTokenGetResponse,
  status: TokenStatus,
  now: number,
  words: TimeWords = 'relative',
): NoSessionAnswer {
  const createdAgoMs = msSince(response.created_at, now);
  const validity = validityPhrase(status, response.expiration, now, words);
  const verdict = decide(NO_SESSION_RULES, {
    createdAgoMs,
    validity: status.kind === 'active' ? 'valid' : status.kind,
  });
  switch (verdict) {
    case 'never opened':
      return {
        verdict,
        headline:
          status.kind === 'active'
            ? `Link has not been opened with this token yet; ${validity}.`
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
        verdict,
        headline: `The token expired${status.kind === 'expired' ? sincePhrase(response.expiration, now, words) : ''} without Link being opened with it.`,
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
          : `This token was created${sincePhrase(response.created_at, now, words)}`;
      return {
        verdict,
        headline: `Plaid has no session data: Link was never opened with this token, or its sessions ended more than six hours ago; ${validity}.`,
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
