import { ownEntry } from '../own-entry';
// The screens of Link, from the view_name of TRANSITION_VIEW events (the values Plaid's Link docs
// list for onEvent), as an operations user would describe them to the end user. Plaid adds views
// over time: an unknown name is shown exactly as sent. No abbreviations in brackets here:
// describeView adds the view's own name in brackets.
const VIEW_DESCRIPTIONS: Readonly<Record<string, string>> = {
  ACCEPT_TOS: 'the terms of service',
  CONNECTED: 'the success screen',
  CONSENT: 'the consent screen',
  CREDENTIAL: 'the bank’s sign-in form',
  DATA_TRANSPARENCY: 'the list of data to be shared',
  DATA_TRANSPARENCY_CONSENT: 'the consent to share data',
  DOCUMENTARY_VERIFICATION: 'the identity document check',
  ERROR: 'an error screen',
  EXIT: 'the exit screen',
  INSTANT_MICRODEPOSIT_AUTHORIZED: 'the instant micro-deposit confirmation',
  KYC_CHECK: 'the identity check',
  LOADING: 'a loading screen',
  MATCHED_CONSENT: 'the consent screen for a returning user',
  MATCHED_CREDENTIAL: 'the sign-in form for a returning user',
  MATCHED_MFA: 'the security check for a returning user',
  MFA: 'the bank’s security check',
  NUMBERS: 'the account and routing number form',
  NUMBERS_SELECT_INSTITUTION: 'the bank choice for manual account entry',
  OAUTH: 'the hand-over to the bank’s own sign-in',
  PROFILE_DATA_REVIEW: 'the profile review',
  RECAPTCHA: 'the reCAPTCHA check',
  RISK_CHECK: 'the risk check',
  SAME_DAY_MICRODEPOSIT_AUTHORIZED: 'the same-day micro-deposit confirmation',
  SCREENING: 'the watchlist screening',
  SELECT_ACCOUNT: 'the choice of accounts to share',
  SELECT_AUTH_TYPE: 'the choice between signing in and entering account numbers',
  SELECT_BRAND: 'the choice of the bank’s brand',
  SELECT_INSTITUTION: 'the bank search',
  SELECT_SAVED_ACCOUNT: 'the choice of a saved account',
  SELECT_SAVED_INSTITUTION: 'the choice of a saved bank',
  SELFIE_CHECK: 'the selfie check',
  SUBMIT_DOCUMENTS: 'the document submission',
  SUBMIT_DOCUMENTS_ERROR: 'the document error screen',
  SUBMIT_DOCUMENTS_SUCCESS: 'the document success screen',
  SUBMIT_EMAIL: 'the email address form',
  SUBMIT_PHONE: 'the phone number form',
  UPLOAD_DOCUMENTS: 'the document upload',
  VERIFY_EMAIL: 'the email verification',
  VERIFY_PHONE: 'the phone verification',
};

// "the bank’s sign-in form (CREDENTIAL)", or the name as Plaid sent it when it is new to us.
export function describeView(viewName: string): string {
  const description = ownEntry(VIEW_DESCRIPTIONS, viewName);
  return description ? `${description} (${viewName})` : viewName;
}
