// Why a Link session ended, in words an operations user can pass on. Plaid's own fields stay on
// screen beside these (with a link to Plaid's docs); these only say what they mean.

// exit.metadata.status: where the user was when they left. From the descriptions of
// LinkSessionExitMetadata.status in Plaid's OpenAPI spec (a test checks every status is here).
export const EXIT_STATUS_MEANINGS: Readonly<Record<string, string>> = {
  requires_questions: 'left when asked to answer security questions',
  requires_selections: 'left when asked to answer multiple-choice questions',
  requires_code: 'left when asked for a one-time passcode',
  choose_device: 'left when asked to choose a device for a one-time passcode',
  requires_credentials: 'left when asked for bank credentials, or before choosing a bank',
  requires_account_selection: 'left when asked to choose the accounts to share',
  requires_oauth: 'left when sent to the bank’s own sign-in (OAuth)',
  institution_not_found: 'left after searching for a bank and finding none',
  institution_not_supported: 'left after finding that Plaid no longer supports the chosen bank',
};

// The error codes a Link session most often ends with (Plaid's ITEM_ERROR, INSTITUTION_ERROR,
// OAUTH_ERROR and INVALID_INPUT pages), with what they mean for the user and what usually helps.
export const EXIT_ERROR_MEANINGS: Readonly<Record<string, string>> = {
  INVALID_CREDENTIALS:
    // Not the warning that wrong tries can lock the account: the next step gives it.
    'The bank rejected the username or password.',
  INVALID_MFA:
    'The bank rejected the answer to its security check (code or questions). The user can try again.',
  ITEM_LOCKED:
    'The bank locked the account after too many failed sign-ins. The user must unlock it with the bank (often by resetting the password), then link again.',
  ITEM_LOGIN_REQUIRED:
    'The bank needs the user to sign in again: the password changed, or the MFA or consent expired.',
  USER_SETUP_REQUIRED:
    'The bank wants the user to act on its own website first, for example to accept new terms or finish setting up online banking.',
  MFA_NOT_SUPPORTED: 'The bank asked for a kind of multi-factor authentication that Plaid does not support.',
  NO_ACCOUNTS:
    'No account this link token can use was found at this login: check the token’s products and account filters.',
  ITEM_NOT_SUPPORTED: 'Plaid cannot connect this kind of account at this bank.',
  INSUFFICIENT_CREDENTIALS:
    'The user did not finish the bank’s own sign-in (OAuth) or did not grant enough access there.',
  USER_INPUT_TIMEOUT: 'The user took too long to complete a step, and Link timed out.',
  INSTITUTION_DOWN: 'The bank is down or in maintenance. The user can try again later.',
  INSTITUTION_NOT_RESPONDING: 'The bank did not answer Plaid in time. The user can try again later.',
  INSTITUTION_NOT_AVAILABLE: 'Plaid cannot connect to this bank at the moment. The user can try again later.',
  INSTITUTION_NO_LONGER_SUPPORTED: 'Plaid no longer supports this bank.',
  INSTITUTION_REGISTRATION_REQUIRED:
    'The bank requires the app to be registered with it before its users can link (OAuth registration in Plaid’s Dashboard).',
  PRODUCTS_NOT_SUPPORTED: 'The bank does not support one of the products this link token asks for.',
  ACCESS_NOT_GRANTED:
    'The user did not grant the access the app needs at the bank’s own sign-in (OAuth), for example by leaving out an account or a kind of data.',
  INVALID_LINK_TOKEN:
    'The link token stopped working during the session: it expired, the user took too long (30 minutes or more), or made too many failed attempts.',
  INCORRECT_LINK_TOKEN:
    'After the bank’s own sign-in (OAuth), the app reopened Link with a different link token from the one the session started with.',
  OAUTH_STATE_ID_NOT_FOUND:
    'After the bank’s own sign-in (OAuth), Link could not match the redirect back to this session: the app did not pass the full redirect URL, or the session had already ended.',
  OAUTH_STATE_ID_ALREADY_PROCESSED:
    'After the bank’s own sign-in (OAuth), the app reopened Link with a redirect URL that had already been used.',
  INCORRECT_OAUTH_NONCE:
    'After the bank’s own sign-in (OAuth), the app reopened Link with an OAuth nonce that does not match the one the session started with.',
  NO_AUTH_ACCOUNTS:
    'The login holds no checking, savings or cash management account with account and routing numbers, which the Auth product needs.',
  NO_INVESTMENT_ACCOUNTS: 'The login holds no investment account, which the Investments product needs.',
  NO_INVESTMENT_AUTH_ACCOUNTS:
    'The login holds no investment account with the numbers the Investments Move product needs.',
  NO_LIABILITY_ACCOUNTS:
    'The login holds no credit card, student loan or mortgage, which the Liabilities product needs.',
  TOO_MANY_VERIFICATION_ATTEMPTS:
    'The user entered the micro-deposit amounts (or code) wrongly too many times, so this account can no longer be verified that way.',
  INCORRECT_DEPOSIT_AMOUNTS:
    'The user entered micro-deposit amounts (or a code) that do not match what was sent to the account.',
};
