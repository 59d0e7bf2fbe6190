import type { LinkEvent } from '../schemas/link-token-get-response';

// Plaid's LinkEventName values (the spec's enum plus the names Plaid's Link web docs list for
// onEvent) in plain words. Plaid adds names over time: an unknown name is shown exactly as sent.
const EVENT_DESCRIPTIONS: Record<string, string> = {
  AUTO_SELECT_SAVED_INSTITUTION: 'Saved institution selected automatically',
  BANK_INCOME_INSIGHTS_COMPLETED: 'Completed the Bank Income Insights flow',
  CLOSE_OAUTH: 'Closed the bank’s OAuth page without finishing',
  CONNECT_NEW_INSTITUTION: 'Chose to connect a new institution',
  ERROR: 'Error',
  EXIT: 'Exited Link',
  FAIL_OAUTH: 'Failed the bank’s OAuth login',
  HANDOFF: 'Handed off to the app (success)',
  IDENTITY_MATCH_FAILED: 'Identity match failed',
  IDENTITY_MATCH_PASSED: 'Identity match passed',
  IDENTITY_VERIFICATION_CLOSE_UI: 'Closed Identity Verification',
  IDENTITY_VERIFICATION_CREATE_SESSION: 'Started an Identity Verification session',
  IDENTITY_VERIFICATION_FAIL_SESSION: 'Failed the Identity Verification session',
  IDENTITY_VERIFICATION_FAIL_STEP: 'Failed an Identity Verification step',
  IDENTITY_VERIFICATION_OPEN_UI: 'Opened Identity Verification',
  IDENTITY_VERIFICATION_PASS_SESSION: 'Passed the Identity Verification session',
  IDENTITY_VERIFICATION_PASS_STEP: 'Passed an Identity Verification step',
  IDENTITY_VERIFICATION_PENDING_REVIEW_SESSION: 'Identity Verification session awaits review',
  IDENTITY_VERIFICATION_PENDING_REVIEW_STEP: 'Identity Verification step awaits review',
  IDENTITY_VERIFICATION_RESUME_SESSION: 'Resumed an Identity Verification session',
  IDENTITY_VERIFICATION_RESUME_UI: 'Resumed Identity Verification',
  IDENTITY_VERIFICATION_START_STEP: 'Started an Identity Verification step',
  ISSUE_FOLLOWED: 'Followed a known-issue notice',
  LAYER_AUTOFILL_NOT_AVAILABLE: 'Layer autofill not available',
  LAYER_NOT_AVAILABLE: 'Layer not available',
  LAYER_READY: 'Layer ready',
  MATCHED_SELECT_INSTITUTION: 'Selected a suggested (matched) institution',
  MATCHED_SELECT_VERIFY_METHOD: 'Selected a verification method for a matched institution',
  OPEN: 'Opened Link',
  OPEN_MY_PLAID: 'Opened my.plaid.com',
  OPEN_OAUTH: 'Went to the bank’s OAuth page',
  PLAID_CHECK_PANE: 'Viewed the Plaid Check pane',
  PROFILE_ELIGIBILITY_CHECK_ERROR: 'Profile eligibility check failed',
  PROFILE_ELIGIBILITY_CHECK_READY: 'Profile eligibility check ready',
  REMEMBER_ME_DISABLED: 'Returning-user experience disabled',
  REMEMBER_ME_ENABLED: 'Returning-user experience enabled',
  REMEMBER_ME_HOLDOUT: 'Held out of the returning-user experience',
  SEARCH_INSTITUTION: 'Searched for an institution',
  SELECT_ACCOUNT: 'Selected an account',
  SELECT_AUTH_TYPE: 'Selected an authentication method',
  SELECT_BRAND: 'Selected a brand',
  SELECT_DEGRADED_INSTITUTION: 'Selected an institution with degraded service',
  SELECT_DOWN_INSTITUTION: 'Selected an institution that is down',
  SELECT_FILTERED_INSTITUTION: 'Selected an institution filtered out by the token’s configuration',
  SELECT_INSTITUTION: 'Selected institution',
  SELECT_SAVED_ACCOUNT: 'Selected a saved account',
  SELECT_SAVED_INSTITUTION: 'Selected a saved institution',
  SKIP_SUBMIT_PHONE: 'Skipped entering a phone number',
  SUBMIT_ACCOUNT_NUMBER: 'Submitted an account number',
  SUBMIT_CREDENTIALS: 'Submitted credentials',
  SUBMIT_DOCUMENTS: 'Submitted documents',
  SUBMIT_DOCUMENTS_ERROR: 'Document submission failed',
  SUBMIT_DOCUMENTS_SUCCESS: 'Document submission succeeded',
  SUBMIT_EMAIL: 'Submitted an email address',
  SUBMIT_MFA: 'Submitted multi-factor authentication',
  SUBMIT_OTP: 'Submitted a one-time code',
  SUBMIT_PHONE: 'Submitted a phone number',
  SUBMIT_ROUTING_NUMBER: 'Submitted a routing number',
  TRANSITION_VIEW: 'Moved to a new view',
  VERIFY_PHONE: 'Verified a phone number',
  VIEW_DATA_TYPES: 'Viewed the data types to be shared',
};

// The headline of one timeline entry: the plain-words name, completed with the detail that makes
// it useful at a glance (which view, which institution, which error).
export function describeEvent(event: LinkEvent): string {
  const metadata = event.event_metadata;
  const name = event.event_name;
  if (name === 'TRANSITION_VIEW' && metadata.view_name) return `Moved to view ${metadata.view_name}`;
  if (name === 'ERROR' && metadata.error_code) return `Error ${metadata.error_code}`;
  if (name === 'SEARCH_INSTITUTION' && metadata.institution_search_query) {
    return `Searched for “${metadata.institution_search_query}”`;
  }
  if (name === 'EXIT' && metadata.exit_status) return `Exited Link at ${metadata.exit_status}`;
  return EVENT_DESCRIPTIONS[name] ?? name;
}
