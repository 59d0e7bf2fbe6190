import { errorDocsUrl } from '../domain/error-docs';
import { EXIT_ERROR_MEANINGS } from '../domain/exit-reasons';
import type { LinkTokenMetadata } from '../schemas/link-token-get-response';
import type { PlaidError } from '../schemas/plaid-error';
import type { Actor, Advice } from './actors';
import { ownEntry } from '../own-entry';
import { oauthFieldAdvice } from './oauth-return';

// When a wait for the bank stops being a wait.
export const ESCALATE =
  'If it still fails after a day, the integrating team contacts Plaid support with the error’s request ID.';

function linkAccountsStep(kinds: string): string {
  return `The user links a bank or login that holds ${kinds}. If they should have one, the integrating team checks the token’s products and account_filters.`;
}

// Who acts next, and what they do, for the errors a Link session most often ends with. What each
// code means is in EXIT_ERROR_MEANINGS (domain/exit-reasons.ts); these say what to do about it.
const ERROR_NEXT_STEPS: Readonly<Record<string, { actor: Actor; nextStep: string }>> = {
  ITEM_LOGIN_REQUIRED: {
    actor: 'integrating team',
    nextStep:
      'Send the user through Link in update mode (a new link token created with the Item’s access_token) and ask them to finish the bank’s sign-in, including any one-time code.',
  },
  INVALID_CREDENTIALS: {
    actor: 'end user',
    nextStep:
      'The user tries again with the username and password they use on the bank’s own website. Warn them first: several wrong tries can lock the account at the bank, so if unsure they should sign in on the bank’s site or reset the password before retrying.',
  },
  INVALID_MFA: {
    actor: 'end user',
    nextStep:
      'The user tries again with a fresh one-time code or the correct answers to the bank’s questions.',
  },
  ITEM_LOCKED: {
    actor: 'end user',
    nextStep:
      'The user unlocks the account with the bank (often by resetting the password on the bank’s site), then links again.',
  },
  USER_SETUP_REQUIRED: {
    actor: 'end user',
    nextStep:
      'The user signs in on the bank’s own website and completes what it asks for (new terms, security questions, online banking set-up), then links again.',
  },
  MFA_NOT_SUPPORTED: {
    actor: 'end user',
    nextStep:
      'The user links another bank, or turns off that kind of security check at the bank if it allows it.',
  },
  NO_ACCOUNTS: {
    actor: 'end user',
    nextStep:
      'The user links a login that holds an account of the kinds this token asks for. If they should have one, the integrating team checks the token’s products and account_filters.',
  },
  NO_AUTH_ACCOUNTS: {
    actor: 'end user',
    nextStep: linkAccountsStep('a checking, savings or cash management account'),
  },
  NO_INVESTMENT_ACCOUNTS: { actor: 'end user', nextStep: linkAccountsStep('an investment account') },
  NO_INVESTMENT_AUTH_ACCOUNTS: { actor: 'end user', nextStep: linkAccountsStep('an investment account') },
  NO_LIABILITY_ACCOUNTS: {
    actor: 'end user',
    nextStep: linkAccountsStep('a credit card, student loan or mortgage'),
  },
  ITEM_NOT_SUPPORTED: { actor: 'end user', nextStep: 'The user links another bank or account.' },
  PRODUCTS_NOT_SUPPORTED: {
    actor: 'integrating team',
    nextStep:
      'Create the token with fewer required products (move the others to optional_products or required_if_supported_products) if this bank must be supported; otherwise the user links another bank.',
  },
  INSUFFICIENT_CREDENTIALS: {
    actor: 'end user',
    nextStep: 'The user tries again and completes the bank’s own sign-in, granting access to their accounts.',
  },
  ACCESS_NOT_GRANTED: {
    actor: 'end user',
    nextStep:
      'The user tries again and, at the bank’s sign-in, shares the accounts and data the app asks for.',
  },
  USER_INPUT_TIMEOUT: {
    actor: 'end user',
    nextStep: 'The user tries again and completes each step promptly.',
  },
  INSTITUTION_DOWN: {
    actor: 'bank',
    nextStep: `Wait for the bank: the user tries again later (often hours). ${ESCALATE} Plaid’s Dashboard shows the bank’s status; Sandbox has none.`,
  },
  INSTITUTION_NOT_RESPONDING: {
    actor: 'bank',
    nextStep: `Wait for the bank: the user tries again in an hour or so. ${ESCALATE}`,
  },
  INSTITUTION_NOT_AVAILABLE: {
    actor: 'bank',
    nextStep: `Wait for the bank: the user tries again in an hour or so. ${ESCALATE}`,
  },
  INSTITUTION_NO_LONGER_SUPPORTED: { actor: 'end user', nextStep: 'The user links another bank.' },
  INSTITUTION_REGISTRATION_REQUIRED: {
    actor: 'integrating team',
    nextStep:
      'Complete the OAuth registration for this bank in Plaid’s Dashboard (or ask Plaid support about its status); until then its users cannot link.',
  },
  // Plaid types these two INVALID_INPUT, but only the user knows the amounts sent to their account.
  TOO_MANY_VERIFICATION_ATTEMPTS: {
    actor: 'end user',
    nextStep:
      'The user links the account again another way (signing in to the bank, or new micro-deposits if the app offers them); this verification cannot be retried.',
  },
  INCORRECT_DEPOSIT_AMOUNTS: {
    actor: 'end user',
    nextStep:
      'The user checks the bank statement for the small deposits (or the code in their description) and enters them exactly; only a few tries are allowed.',
  },
  INVALID_LINK_TOKEN: {
    actor: 'integrating team',
    nextStep:
      'Catch INVALID_LINK_TOKEN in onExit, create a new link token and reopen Link with it; the user then starts again.',
  },
  INCORRECT_LINK_TOKEN: {
    actor: 'integrating team',
    nextStep:
      'When the user returns from the bank (the redirect_uri page), reopen Link with the same link token that started the session, and pass the full redirect URL as receivedRedirectUri.',
  },
  OAUTH_STATE_ID_NOT_FOUND: {
    actor: 'integrating team',
    nextStep:
      'On the redirect_uri page, reopen Link with the same link token and the complete redirect URL (including oauth_state_id) as receivedRedirectUri, before the token expires.',
  },
  OAUTH_STATE_ID_ALREADY_PROCESSED: {
    actor: 'integrating team',
    nextStep:
      'Reopen Link with the redirect URL only once per return from the bank (not again on a page reload); the user then starts again.',
  },
  INCORRECT_OAUTH_NONCE: {
    actor: 'integrating team',
    nextStep:
      'Reopen Link after the bank’s sign-in with the same nonce it started with, or move to the current OAuth set-up (redirect_uri and receivedRedirectUri).',
  },
};

// For codes we have no words for, the error's type says roughly who can act.
const TYPE_ACTORS: Readonly<Record<string, Actor>> = {
  ITEM_ERROR: 'end user',
  INSTITUTION_ERROR: 'bank',
  OAUTH_ERROR: 'integrating team',
  INVALID_REQUEST: 'integrating team',
  INVALID_INPUT: 'integrating team',
  INVALID_RESULT: 'integrating team',
  RATE_LIMIT_EXCEEDED: 'integrating team',
  API_ERROR: 'plaid support',
};

type AccountFilters = NonNullable<LinkTokenMetadata['account_filters']>;
type AccountType = 'depository' | 'credit' | 'loan' | 'investment';

// Which of the token's account_filters each "no accounts" code is about.
const MISSING_ACCOUNT_TYPES: Readonly<Record<string, readonly AccountType[]>> = {
  NO_ACCOUNTS: ['depository', 'credit', 'loan', 'investment'],
  NO_AUTH_ACCOUNTS: ['depository'],
  NO_INVESTMENT_ACCOUNTS: ['investment'],
  NO_INVESTMENT_AUTH_ACCOUNTS: ['investment'],
  NO_LIABILITY_ACCOUNTS: ['credit', 'loan'],
};

// The account subtypes a "no accounts" error was looking for: Plaid's own list when it sends one,
// else the token's account_filters for the kinds of account the code is about.
function missingSubtypesNote(error: PlaidError, accountFilters: AccountFilters | undefined): string | null {
  const types = ownEntry(MISSING_ACCOUNT_TYPES, error.error_code);
  if (!types) return null;
  const fromToken = types.flatMap((type) => accountFilters?.[type]?.account_subtypes ?? []);
  const wanted = error.required_account_subtypes?.length ? error.required_account_subtypes : fromToken;
  if (wanted.length === 0) return null;
  const found = error.provided_account_subtypes?.length
    ? ` (the login held: ${error.provided_account_subtypes.join(', ')})`
    : '';
  return `Account subtypes this token accepts: ${[...new Set(wanted)].join(', ')}${found}.`;
}

// Plaid's error_code_reason (for OAuth Items' errors, mostly ITEM_LOGIN_REQUIRED): why the bank
// stopped accepting the connection. From the PlaidError schema in Plaid's spec.
const ERROR_CODE_REASONS: Readonly<Record<string, string>> = {
  OAUTH_INVALID_TOKEN: 'the bank invalidated the user’s connection (OAuth)',
  OAUTH_CONSENT_EXPIRED: 'the consent the user gave at the bank (OAuth) expired',
  OAUTH_USER_REVOKED: 'the user revoked the app’s access at the bank (OAuth)',
};

// Our explanation, made specific by Plaid's error_code_reason when it sends one.
function explanationWithReason(error: PlaidError): string | null {
  const meaning = ownEntry(EXIT_ERROR_MEANINGS, error.error_code) ?? null;
  const raw = error.error_code_reason?.trim();
  if (!raw) return meaning;
  const reason = ownEntry(ERROR_CODE_REASONS, raw);
  if (reason && error.error_code === 'ITEM_LOGIN_REQUIRED') {
    return `The bank needs the user to sign in again: ${reason}.`;
  }
  return `${meaning ?? ''} Plaid’s reason: ${reason ?? raw}.`.trim();
}

export const CODES_WITH_OUR_WORDS: readonly string[] = Object.keys(ERROR_NEXT_STEPS);

// What to do about a session's exit error: our words for the common codes; for the others the
// explanation is null, and Plaid's own error_message and documentation speak instead.
// The token's account_filters, when known, name the account subtypes a "no accounts" error missed.
export function errorAdvice(error: PlaidError, accountFilters?: AccountFilters): Advice {
  // An INVALID_FIELD about the OAuth return is read from its message (oauth-return.ts).
  const oauthField = oauthFieldAdvice(error);
  const known = ownEntry(ERROR_NEXT_STEPS, error.error_code) ?? oauthField;
  // Plaid's suggested_action is about this very error: it follows our own words for the code (which
  // name what to do in the integration, e.g. update mode), or replaces the generic pointer to Plaid's
  // docs for a code we have no words for. Who acts stays ours, since Plaid does not say.
  const suggested = error.suggested_action?.trim();
  const plaidSuggests =
    suggested && `Plaid suggests: ${/[.!?]$/.test(suggested) ? suggested : `${suggested}.`}`;
  const nextStep = known
    ? [known.nextStep, plaidSuggests].filter(Boolean).join(' ')
    : plaidSuggests ||
      `Read Plaid’s page for ${error.error_code}; if it does not explain the case, contact Plaid support with the error’s request ID.`;
  const subtypes = missingSubtypesNote(error, accountFilters);
  // A revoked connection was the user's choice: reconnecting is theirs to want.
  const revoked =
    error.error_code_reason === 'OAUTH_USER_REVOKED'
      ? 'The user revoked access themselves: ask whether they want to reconnect before sending them through Link again.'
      : null;
  return {
    actor: known?.actor ?? ownEntry(TYPE_ACTORS, error.error_type) ?? 'plaid support',
    nextStep: [nextStep, subtypes, revoked].filter(Boolean).join(' '),
    explanation: oauthField?.explanation ?? explanationWithReason(error),
    docsUrl: errorDocsUrl(error),
  };
}
