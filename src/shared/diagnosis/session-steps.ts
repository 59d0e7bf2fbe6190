import { institutionLabel } from '../domain/institution';
import type { LinkEvent } from '../schemas/link-token-get-response';
import { ownEntry } from '../own-entry';

// The stages of the Link flow a session went through, read from its events (see Plaid's
// LinkEventName and view_name lists): where the user got to, where they stopped and how long they
// spent at each stage.
export type StepKind =
  | 'opened'
  | 'returning user'
  | 'consent'
  | 'layer'
  | 'identity verification'
  | 'searched'
  | 'bank chosen'
  | 'oauth'
  | 'credentials'
  | 'mfa'
  | 'account selection'
  | 'account numbers'
  | 'documents'
  | 'hand-off'
  | 'exit';

export const STEP_LABELS: Readonly<Record<StepKind, string>> = {
  opened: 'Opened Link',
  'returning user': 'Returning user’s phone or email check',
  consent: 'Data-sharing consent',
  layer: 'Layer (phone-number onboarding)',
  'identity verification': 'Identity Verification',
  searched: 'Bank search',
  'bank chosen': 'Bank chosen',
  oauth: 'Bank’s own sign-in (OAuth)',
  credentials: 'Bank credentials',
  mfa: 'Security check (MFA)',
  'account selection': 'Account selection',
  'account numbers': 'Account numbers (manual entry)',
  documents: 'Documents',
  'hand-off': 'Hand-off (success)',
  exit: 'Exit',
};

// Where in Link a step is, for sentences: "the user left Link at the bank search".
export const STEP_PLACES: Readonly<Record<StepKind, string>> = {
  opened: 'the start of Link',
  'returning user': 'the returning user’s phone or email check',
  consent: 'the data-sharing consent',
  layer: 'Layer’s phone-number step',
  'identity verification': 'Identity Verification',
  searched: 'the bank search',
  'bank chosen': 'the bank choice',
  oauth: 'the bank’s own sign-in (OAuth)',
  credentials: 'the bank’s sign-in form',
  mfa: 'the bank’s security check (MFA)',
  'account selection': 'the account selection',
  'account numbers': 'the account number entry',
  documents: 'the document upload',
  'hand-off': 'the hand-off',
  exit: 'the exit',
};

export interface SessionStep {
  kind: StepKind;
  label: string;
  // The timestamp of the step's first event, as Plaid sent it.
  startedAt: string;
  // Until the next step began (or, for the last screen of a finished session, until it finished);
  // up to now while the session is in progress (ongoing); null for the hand-off and exit moments
  // and whenever the times are missing.
  durationMs: number | null;
  ongoing: boolean;
  // What makes the step specific: the search query, the bank, the MFA type, the exit status.
  detail: string | null;
  // An ERROR event during this step.
  errorCode: string | null;
  eventCount: number;
}

const EVENT_STEPS: Readonly<Record<string, StepKind>> = {
  OPEN: 'opened',
  OPEN_MY_PLAID: 'opened',
  // Returning users (Plaid's network): phone or e-mail, a one-time code, or skipping it.
  SUBMIT_PHONE: 'returning user',
  AUTO_SUBMIT_PHONE: 'returning user',
  SKIP_SUBMIT_PHONE: 'returning user',
  VERIFY_PHONE: 'returning user',
  SUBMIT_EMAIL: 'returning user',
  SKIP_SUBMIT_EMAIL: 'returning user',
  VERIFY_EMAIL: 'returning user',
  SUBMIT_OTP: 'returning user',
  MATCHED_SELECT_VERIFY_METHOD: 'returning user',
  VIEW_DATA_TYPES: 'consent',
  LAYER_READY: 'layer',
  LAYER_NOT_AVAILABLE: 'layer',
  LAYER_AUTOFILL_NOT_AVAILABLE: 'layer',
  IDENTITY_VERIFICATION_START_STEP: 'identity verification',
  IDENTITY_VERIFICATION_PASS_STEP: 'identity verification',
  IDENTITY_VERIFICATION_FAIL_STEP: 'identity verification',
  IDENTITY_VERIFICATION_PENDING_REVIEW_STEP: 'identity verification',
  IDENTITY_VERIFICATION_CREATE_SESSION: 'identity verification',
  IDENTITY_VERIFICATION_RESUME_SESSION: 'identity verification',
  IDENTITY_VERIFICATION_PASS_SESSION: 'identity verification',
  IDENTITY_VERIFICATION_FAIL_SESSION: 'identity verification',
  IDENTITY_VERIFICATION_PENDING_REVIEW_SESSION: 'identity verification',
  IDENTITY_VERIFICATION_OPEN_UI: 'identity verification',
  IDENTITY_VERIFICATION_RESUME_UI: 'identity verification',
  IDENTITY_VERIFICATION_CLOSE_UI: 'identity verification',
  SEARCH_INSTITUTION: 'searched',
  SELECT_BRAND: 'searched',
  CONNECT_NEW_INSTITUTION: 'searched',
  SELECT_INSTITUTION: 'bank chosen',
  SELECT_DEGRADED_INSTITUTION: 'bank chosen',
  SELECT_DOWN_INSTITUTION: 'bank chosen',
  SELECT_FILTERED_INSTITUTION: 'bank chosen',
  MATCHED_SELECT_INSTITUTION: 'bank chosen',
  SELECT_SAVED_INSTITUTION: 'bank chosen',
  AUTO_SELECT_SAVED_INSTITUTION: 'bank chosen',
  OPEN_OAUTH: 'oauth',
  CLOSE_OAUTH: 'oauth',
  FAIL_OAUTH: 'oauth',
  SUBMIT_CREDENTIALS: 'credentials',
  SUBMIT_MFA: 'mfa',
  SELECT_ACCOUNT: 'account selection',
  SELECT_SAVED_ACCOUNT: 'account selection',
  SUBMIT_ROUTING_NUMBER: 'account numbers',
  SUBMIT_ACCOUNT_NUMBER: 'account numbers',
  SUBMIT_DOCUMENTS: 'documents',
  SUBMIT_DOCUMENTS_SUCCESS: 'documents',
  SUBMIT_DOCUMENTS_ERROR: 'documents',
  HANDOFF: 'hand-off',
  EXIT: 'exit',
};

// Screens that begin a step on their own; other views (LOADING, ERROR, CONNECTED, …) belong to the
// step the user is already in.
const VIEW_STEPS: Readonly<Record<string, StepKind>> = {
  CONSENT: 'opened',
  MATCHED_CONSENT: 'opened',
  SUBMIT_PHONE: 'returning user',
  VERIFY_PHONE: 'returning user',
  SUBMIT_EMAIL: 'returning user',
  VERIFY_EMAIL: 'returning user',
  PROFILE_DATA_REVIEW: 'returning user',
  DATA_TRANSPARENCY: 'consent',
  DATA_TRANSPARENCY_CONSENT: 'consent',
  ACCEPT_TOS: 'consent',
  KYC_CHECK: 'identity verification',
  DOCUMENTARY_VERIFICATION: 'identity verification',
  SELFIE_CHECK: 'identity verification',
  RISK_CHECK: 'identity verification',
  SCREENING: 'identity verification',
  SELECT_INSTITUTION: 'searched',
  SELECT_SAVED_INSTITUTION: 'searched',
  SELECT_BRAND: 'searched',
  OAUTH: 'oauth',
  CREDENTIAL: 'credentials',
  MATCHED_CREDENTIAL: 'credentials',
  MFA: 'mfa',
  MATCHED_MFA: 'mfa',
  SELECT_ACCOUNT: 'account selection',
  SELECT_SAVED_ACCOUNT: 'account selection',
  NUMBERS: 'account numbers',
  NUMBERS_SELECT_INSTITUTION: 'account numbers',
  SAME_DAY_MICRODEPOSIT_AUTHORIZED: 'account numbers',
  INSTANT_MICRODEPOSIT_AUTHORIZED: 'account numbers',
  UPLOAD_DOCUMENTS: 'documents',
  SUBMIT_DOCUMENTS: 'documents',
};

const MOMENTS: readonly StepKind[] = ['hand-off', 'exit'];

export function eventStep(event: LinkEvent): StepKind | null {
  const metadata = event.event_metadata;
  if (event.event_name === 'TRANSITION_VIEW') return ownEntry(VIEW_STEPS, metadata.view_name ?? '') ?? null;
  // Auth Type Select: only the manual choice leads to entering account numbers.
  if (event.event_name === 'SELECT_AUTH_TYPE') {
    return metadata.selection === 'flow_type_manual' ? 'account numbers' : null;
  }
  return ownEntry(EVENT_STEPS, event.event_name) ?? null;
}

const BANK_CHOICE_NOTES: Readonly<Record<string, string>> = {
  SELECT_DEGRADED_INSTITUTION: 'Link warned that its connection is degraded',
  SELECT_DOWN_INSTITUTION: 'Link reported it down',
  SELECT_FILTERED_INSTITUTION: 'not supported for this token’s products or countries',
};

// What the newer events and screens add to their step.
const EVENT_DETAILS: Readonly<Record<string, string>> = {
  SUBMIT_PHONE: 'entered a phone number',
  AUTO_SUBMIT_PHONE: 'the app filled in the phone number',
  SKIP_SUBMIT_PHONE: 'skipped the phone number',
  VERIFY_PHONE: 'verified the phone number',
  SUBMIT_EMAIL: 'entered an e-mail address',
  SKIP_SUBMIT_EMAIL: 'skipped the e-mail address',
  VERIFY_EMAIL: 'verified the e-mail address',
  SUBMIT_OTP: 'entered the one-time code',
  CONNECT_NEW_INSTITUTION: 'chose to link a new bank rather than a saved one',
  LAYER_READY: 'the user is eligible for Layer',
  LAYER_NOT_AVAILABLE: 'Layer is not available for this user (the app falls back to its own onboarding)',
  LAYER_AUTOFILL_NOT_AVAILABLE: 'no profile to fill in (the app falls back to its own onboarding)',
  IDENTITY_VERIFICATION_FAIL_STEP: 'a verification step failed',
  IDENTITY_VERIFICATION_PASS_SESSION: 'passed',
  IDENTITY_VERIFICATION_FAIL_SESSION: 'did not pass',
  IDENTITY_VERIFICATION_PENDING_REVIEW_SESSION: 'waits for a manual review',
};
const VIEW_DETAILS: Readonly<Record<string, string>> = {
  SAME_DAY_MICRODEPOSIT_AUTHORIZED: 'same-day micro-deposits authorized',
  INSTANT_MICRODEPOSIT_AUTHORIZED: 'instant micro-deposit authorized',
};

const OAUTH_CLOSED = 'closed the bank’s page without finishing';

// The detail an event adds to its step; later events of a step refine it.
function eventDetail(event: LinkEvent): string | null {
  const metadata = event.event_metadata;
  const known =
    event.event_name === 'TRANSITION_VIEW'
      ? ownEntry(VIEW_DETAILS, metadata.view_name ?? '')
      : ownEntry(EVENT_DETAILS, event.event_name);
  if (known) return known;
  switch (eventStep(event)) {
    case 'searched':
      return metadata.institution_search_query ? `searched for “${metadata.institution_search_query}”` : null;
    case 'bank chosen': {
      const bank = institutionLabel({
        name: metadata.institution_name,
        institution_id: metadata.institution_id,
      });
      const note = ownEntry(BANK_CHOICE_NOTES, event.event_name);
      return [bank, note].filter(Boolean).join(': ') || null;
    }
    case 'oauth':
      if (event.event_name === 'CLOSE_OAUTH') return OAUTH_CLOSED;
      if (event.event_name === 'FAIL_OAUTH') return 'the bank’s sign-in failed';
      return null;
    case 'mfa':
      return metadata.mfa_type ? `${metadata.mfa_type} MFA` : null;
    case 'exit':
      return metadata.exit_status ?? null;
    default:
      return null;
  }
}

// A step's detail once a later event of the same step comes: going back to the bank's page after
// closing it (or after a failed sign-in there) is a retry, which the earlier mishap does not end.
function laterDetail(event: LinkEvent, detail: string | null): string | null {
  if (event.event_name === 'OPEN_OAUTH' && detail && !detail.startsWith('retried')) {
    return `retried after the user ${detail === OAUTH_CLOSED ? 'closed the bank’s page' : 'saw the bank’s sign-in fail'}`;
  }
  return eventDetail(event) ?? detail;
}

function msBetween(from: string, to: string | number | null | undefined): number | null {
  const start = Date.parse(from);
  const end = typeof to === 'number' ? to : to ? Date.parse(to) : NaN;
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return null;
  return end - start;
}

// events must be in time order (eventsInTimeOrder). finishedAt: the session's finished_at; inProgress:
// whether the session counts as in progress at `now` (its last step is then ongoing).
export function sessionSteps(
  events: readonly LinkEvent[],
  session: { finishedAt: string | null; inProgress: boolean },
  now: number,
): SessionStep[] {
  const steps: SessionStep[] = [];
  for (const event of events) {
    const kind = eventStep(event);
    const current = steps.at(-1);
    if (kind && kind !== current?.kind) {
      steps.push({
        kind,
        label: STEP_LABELS[kind],
        startedAt: event.timestamp,
        durationMs: null,
        ongoing: false,
        detail: eventDetail(event),
        errorCode: null,
        eventCount: 1,
      });
      continue;
    }
    // Events before the first step (rare: OPEN missing) have no step to belong to.
    if (!current) continue;
    current.eventCount += 1;
    if (kind) current.detail = laterDetail(event, current.detail);
    if (event.event_name === 'ERROR' && event.event_metadata.error_code) {
      current.errorCode = event.event_metadata.error_code;
    }
  }

  steps.forEach((step, index) => {
    if (MOMENTS.includes(step.kind)) return;
    const next = steps[index + 1];
    if (next) {
      step.durationMs = msBetween(step.startedAt, next.startedAt);
    } else if (session.inProgress) {
      step.ongoing = true;
      step.durationMs = msBetween(step.startedAt, now);
    } else {
      step.durationMs = msBetween(step.startedAt, session.finishedAt);
    }
  });
  return steps;
}

// Where the session stopped: its last step other than the exit itself (so a session that exited
// at the bank's sign-in form stopped at 'credentials', one that linked at 'hand-off').
export function stoppedAt(steps: readonly SessionStep[]): SessionStep | null {
  return steps.findLast((step) => step.kind !== 'exit') ?? null;
}
