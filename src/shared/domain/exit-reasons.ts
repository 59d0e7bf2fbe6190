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

// The error codes a Link session most often ends with (Plaid's ITEM_ERROR and INSTITUTION_ERROR
// pages), with what they mean for the user and what usually helps.
export const EXIT_ERROR_MEANINGS: Readonly<Record<string, string>> = {
  INVALID_CREDENTIALS:
    'The bank rejected the username or password. The user can try again; several wrong tries may lock the account at the bank.',
  INVALID_MFA:
    'The bank rejected the answer to its security check (code or questions). The user can try again.',
  ITEM_LOCKED:
    'The bank locked the account after too many failed sign-ins. The user must unlock it with the bank (often by resetting the password), then link again.',
  ITEM_LOGIN_REQUIRED:
    'The bank needs the user to sign in again (password changed, or MFA or consent expired). Send them through Link in update mode.',
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
};
