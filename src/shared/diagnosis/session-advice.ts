import type { LinkEvent, LinkTokenMetadata } from '../schemas/link-token-get-response';
import type { PlaidError } from '../schemas/plaid-error';
import type { Advice } from './actors';
import { DOCS } from './docs-links';
import { errorAdvice } from './error-advice';
import type { LinkedCaveat } from './linked-caveats';
import { ITEMLESS_DONE, type ItemlessFlow } from './flows';
import { unansweredOauthHandOff } from './oauth-return';
import { conflictsText, countryConflicts } from './product-coverage';
import { eventStep, type StepKind } from './session-steps';
import { MINUTE_MS, type SessionVerdict } from './verdict';
import { formatDuration } from '../domain/format-time';

// What one session tells us to do: who acts next, the next step and why. `because` is the short
// reason a headline names ("Link reported the bank down"), when there is one beyond the error code.
export interface SessionAdvice extends Advice {
  because: string | null;
}

// The facts about a session that decide the advice.
export interface SessionAdviceFacts {
  verdict: SessionVerdict;
  error: PlaidError | null;
  exited: boolean;
  finished: boolean;
  exitStatus: string | null;
  stoppedAt: StepKind | null;
  // In time order.
  events: readonly LinkEvent[];
  tokenExpired: boolean;
  // The session's started_at and the token's expiration, as Plaid sent them (null: not given).
  startedAt: string | null;
  tokenExpiresAt: string | null;
  // For a linked session, what is still not done (linked-caveats.ts).
  caveat: LinkedCaveat | null;
  // How many banks a linked session added Items for (several with Multi-Item or Hosted Link).
  linkedBanks: number;
  // Identity Verification or Layer, which add no Item (flows.ts).
  flow: ItemlessFlow | null;
}

// How the user's last choice of a bank went (SELECT_INSTITUTION, SELECT_DOWN_INSTITUTION, …): an
// earlier choice the user moved on from does not explain where they stopped.
function lastBankChoice(facts: SessionAdviceFacts): string | null {
  return facts.events.findLast((event) => eventStep(event) === 'bank chosen')?.event_name ?? null;
}

// A retry that needs a new token when this one has expired.
function retry(facts: SessionAdviceFacts, action: string): string {
  return facts.tokenExpired
    ? `${action}. This link token has expired: the app creates a new one first.`
    : `${action}.`;
}

// `metadata` is the token's configuration, or null where it is not known (sessions read from pasted
// client logs): then no advice rests on what the configuration holds.
function abandonedAdvice(facts: SessionAdviceFacts, metadata: LinkTokenMetadata | null): SessionAdvice {
  const status = facts.exitStatus;
  const choice = lastBankChoice(facts);
  if (choice === 'SELECT_DOWN_INSTITUTION') {
    return {
      actor: 'bank',
      because: 'Link reported the bank down',
      nextStep: retry(
        facts,
        'Wait for the bank: the user tries again later (often hours) or links another bank. If the bank is still down after a day, the integrating team contacts Plaid support with the link_session_id',
      ),
      explanation:
        'The user chose a bank whose logins were down; Link blocked the sign-in and suggested another bank.',
      docsUrl: DOCS.institutionStatus,
    };
  }
  if (choice === 'SELECT_FILTERED_INSTITUTION' || status === 'institution_not_supported') {
    const conflicts = metadata ? countryConflicts(metadata) : [];
    if (metadata && conflicts.length > 0) {
      return {
        actor: 'integrating team',
        because: `no bank in the token’s countries offers ${conflicts.map((conflict) => conflict.product).join(', ')}`,
        nextStep:
          'Create the token with country_codes where the product is offered, or without the product; then the user opens Link again with the new token.',
        explanation: `Link showed “Connectivity not supported”: the token requires ${conflictsText(conflicts)}, and its countries are ${metadata.country_codes.join(', ')}. No bank there can be connected with this token.`,
        docsUrl: DOCS.linkTokenCreate,
      };
    }
    return {
      actor: 'integrating team',
      because: 'Link cannot connect this bank for this token',
      nextStep:
        'If this bank must be supported, create the token with fewer required products (move the others to optional_products or required_if_supported_products) or with the bank’s country in country_codes; otherwise the user links another bank.',
      // What Link told the user is in what the end user saw; this says which products and countries.
      explanation: metadata
        ? `The bank does not support one of the token’s products (${metadata.initial_products.join(', ')}) or countries (${metadata.country_codes.join(', ')}), or Plaid no longer supports it.`
        : 'The bank does not support one of the token’s products or countries, or Plaid no longer supports it.',
      docsUrl: DOCS.troubleshooting,
    };
  }
  if (status === 'institution_not_found') {
    if (metadata?.initial_products.includes('auth')) {
      return {
        actor: 'integrating team',
        because: 'no bank matched the search',
        nextStep:
          'Offer manual entry: with auth among the products, Link can let users who cannot find their bank enter account and routing numbers, verified by micro-deposits (auth.same_day_microdeposits_enabled or instant_microdeposits_enabled on the token, or the Account Verification Dashboard). Then the user reopens Link.',
        // That the search found nothing is in what the end user saw (the exit status).
        explanation:
          'Since the token asks for auth, manual entry with micro-deposits can still link the account.',
        docsUrl: DOCS.authCoverage,
      };
    }
    return {
      actor: 'end user',
      because: 'no bank matched the search',
      nextStep: retry(
        facts,
        metadata
          ? 'The user searches again by the bank’s full name or website; if Plaid does not support the bank, they link another one (this token’s products offer no manual entry)'
          : 'The user searches again by the bank’s full name or website; if Plaid does not support the bank, they link another one (or, if the token asks for auth, enter the account by hand with micro-deposits)',
      ),
      explanation: 'Plaid may not support the bank, or lists it under another name.',
      docsUrl: DOCS.troubleshooting,
    };
  }
  if (facts.stoppedAt === 'oauth' || status === 'requires_oauth') {
    const handOff = unansweredOauthHandOff(facts.events, facts.exited);
    if (handOff && metadata?.redirect_uri !== null) {
      const bank = handOff.event_metadata.institution_name ?? 'the bank';
      return {
        actor: 'end user',
        because: 'nothing came back from the bank’s own sign-in (OAuth)',
        nextStep: retry(
          facts,
          'Ask the user whether they finished signing in at the bank. If they did, their return to Link failed: the integrating team checks that its redirect_uri page reopens Link with this same link token and the full redirect URL as receivedRedirectUri. If not, the user tries again',
        ),
        explanation: `Link handed the user to ${bank}’s own sign-in and heard nothing after: no return to Link, no closed page, no exit. Either the user gave up at the bank, or the return to Link failed.`,
        docsUrl: DOCS.oauth,
      };
    }
    if (metadata && !metadata.redirect_uri) {
      return {
        actor: 'integrating team',
        because: 'the token has no redirect_uri',
        nextStep:
          'Set a redirect_uri on the token (registered in the Dashboard’s allowed redirect URIs) so users on mobile browsers, webviews and iOS can return from the bank; Android apps set android_package_name. Then the user tries again.',
        // That the user left at the bank's own sign-in is in what the end user saw (the exit status).
        explanation:
          'Without a redirect_uri, only desktop web (a pop-up) can return from the bank’s own sign-in.',
        docsUrl: DOCS.oauth,
      };
    }
    return {
      actor: 'end user',
      because: null,
      nextStep: retry(facts, 'The user tries again and finishes the sign-in on the bank’s page or app'),
      explanation: metadata
        ? 'Link does not see what happens on the bank’s own page or app: the user closed it, or the sign-in there did not complete.'
        : 'Whether the token has a redirect_uri is not in the logs: without one, only desktop web (a pop-up) can return from the bank.',
      docsUrl: DOCS.oauth,
    };
  }
  if (!facts.exited && !facts.finished) {
    return {
      actor: 'end user',
      because: null,
      nextStep: facts.tokenExpired
        ? 'The user starts again with a new link token (this one has expired).'
        : 'The user can reopen Link with this token until it expires, or the app creates a new one.',
      explanation: 'Link sent no EXIT: the user most likely closed the browser or app while Link was open.',
      docsUrl: null,
    };
  }
  if (!facts.exited) {
    return {
      actor: 'integrating team',
      because: null,
      nextStep:
        'Check the app’s own logs of Link’s onExit and onSuccess callbacks for this link_session_id; if they have nothing either, contact Plaid support with it.',
      explanation: 'Plaid recorded that the session ended, but with no exit, success or results to say how.',
      docsUrl: DOCS.linkTokenGet,
    };
  }
  return {
    actor: 'end user',
    because: null,
    nextStep: retry(facts, 'Ask the user whether they need help at this step; then they reopen Link'),
    // Where they left is in the headline and in what the end user saw; this says only what those
    // do not: that nothing went wrong.
    explanation: 'Link reported no error: the user closed Link themselves.',
    docsUrl: null,
  };
}

// Plaid gives three reasons for INVALID_LINK_TOKEN in a session: the token expired, the session
// was open 30 minutes or more, or the user failed to sign in too often. Which one the answer shows,
// in a sentence; null when it shows none.
const SESSION_LIMIT_MS = 30 * MINUTE_MS;
const MANY_FAILED_SIGN_INS = 3;

function invalidLinkTokenCause(facts: SessionAdviceFacts): string | null {
  const failure = facts.events.findLast(
    (event) => event.event_name === 'ERROR' && event.event_metadata.error_code === 'INVALID_LINK_TOKEN',
  );
  const failedAt = Date.parse(failure?.timestamp ?? facts.events.at(-1)?.timestamp ?? '');
  const expiresAt = Date.parse(facts.tokenExpiresAt ?? '');
  if (!Number.isNaN(failedAt) && !Number.isNaN(expiresAt) && failedAt >= expiresAt) {
    return 'Likely cause: the link token had expired when Link used it.';
  }
  const signIns = facts.events.filter(
    (event) =>
      event.event_name === 'ERROR' &&
      (event.event_metadata.error_code === 'INVALID_CREDENTIALS' ||
        event.event_metadata.error_code === 'INVALID_MFA'),
  ).length;
  if (signIns >= MANY_FAILED_SIGN_INS) {
    return `Likely cause: too many failed sign-ins (${signIns} in this session).`;
  }
  const startedAt = Date.parse(facts.startedAt ?? '');
  if (!Number.isNaN(failedAt) && !Number.isNaN(startedAt) && failedAt - startedAt >= SESSION_LIMIT_MS) {
    return `Likely cause: the session had been open ${formatDuration(failedAt - startedAt)} (Link stops accepting a session after 30 minutes).`;
  }
  return null;
}

export function sessionAdvice(facts: SessionAdviceFacts, metadata: LinkTokenMetadata | null): SessionAdvice {
  switch (facts.verdict) {
    case 'linked':
      if (facts.caveat) {
        const { but, ...advice } = facts.caveat;
        return { ...advice, because: but };
      }
      if (facts.flow && facts.linkedBanks === 0) {
        return { actor: 'nobody', because: null, explanation: null, ...ITEMLESS_DONE[facts.flow] };
      }
      return {
        actor: 'nobody',
        because: null,
        nextStep:
          facts.linkedBanks > 1
            ? `Nothing to fix in Link. Each of the ${facts.linkedBanks} Items has its own public_token, which Plaid hands over by the SESSION_FINISHED webhook (and in /link/token/get’s results for six hours): if the app shows fewer banks, the integrating team checks that it exchanged every one.`
            : 'Nothing to fix in Link. If the app still shows no connection, the integrating team checks that it handled onSuccess (sending the public_token to its server and exchanging it).',
        explanation: null,
        docsUrl: null,
      };
    case 'in progress':
      return {
        actor: 'end user',
        because: null,
        nextStep: 'Wait for the user to finish, then look again: the answer changes as they go.',
        explanation: null,
        docsUrl: null,
      };
    case 'failed': {
      const advice = errorAdvice(facts.error!, metadata?.account_filters);
      const cause = facts.error!.error_code === 'INVALID_LINK_TOKEN' ? invalidLinkTokenCause(facts) : null;

      const nextStep =
        facts.tokenExpired && advice.actor === 'end user'
          ? `${advice.nextStep} This link token has expired: the app creates a new one first.`
          : advice.nextStep;
      const explanation = cause ? `${cause} ${advice.explanation ?? ''}`.trim() : advice.explanation;
      return { ...advice, nextStep, explanation, because: null };
    }
    case 'abandoned':
      return abandonedAdvice(facts, metadata);
  }
}
