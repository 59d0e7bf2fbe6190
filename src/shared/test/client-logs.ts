// Pasted Link client logs as apps and Plaid write them, built from the SDKs' own field lists
// (plaid-link's PlaidLinkOnEventMetadata / PlaidLinkOnExitMetadata / PlaidLinkOnSuccessMetadata,
// react-native-plaid-link-sdk's LinkEvent / LinkExit / LinkSuccess, LinkKit's linkSessionID
// spelling) and Plaid's LinkEventsWebhook and LinkSessionFinishedWebhook. Shared by the unit,
// component and browser tests.

export const LOGS_LINK_TOKEN = 'link-sandbox-79e723b0-0e04-4248-8a33-15ceb6828a45';
export const WEB_SESSION = '1daca4d5-9a0d-4e85-a2e9-1e905ecaa32e';
export const MOBILE_SESSION = '356dbb28-7f98-44d1-8e6d-0cec580f3171';
export const PUBLIC_TOKEN = 'public-sandbox-b0e2c4ee-a763-4df5-bfe9-46a46bce993d';

// The web SDK's onEvent(eventName, metadata) and onExit(error, metadata), logged by an app with a
// timestamp, a level and a label before the JSON.
const webEvent = (name: string, time: string, metadata: Record<string, string | null>) =>
  `2026-11-25T10:0${time}Z INFO [plaid] onEvent: ${name} ${JSON.stringify({
    error_type: null,
    error_code: null,
    error_message: null,
    exit_status: null,
    institution_id: 'ins_109508',
    institution_name: 'First Platypus Bank',
    institution_search_query: null,
    mfa_type: null,
    view_name: null,
    request_id: 'm8MDnv9okwxFNBV',
    link_session_id: WEB_SESSION,
    timestamp: `2026-11-25T10:0${time}.000Z`,
    selection: null,
    ...metadata,
  })}`;

export const WEB_SDK_LOG_LINES = [
  webEvent('OPEN', '0:00', { institution_id: null, institution_name: null }),
  webEvent('SELECT_INSTITUTION', '0:20', {}),
  webEvent('TRANSITION_VIEW', '0:21', { view_name: 'CREDENTIAL' }),
  webEvent('SUBMIT_CREDENTIALS', '1:10', {}),
  webEvent('ERROR', '1:12', {
    error_type: 'ITEM_ERROR',
    error_code: 'INVALID_CREDENTIALS',
    error_message: 'the provided credentials were not correct',
  }),
  webEvent('EXIT', '1:40', {
    error_type: 'ITEM_ERROR',
    error_code: 'INVALID_CREDENTIALS',
    error_message: 'the provided credentials were not correct',
    exit_status: 'requires_credentials',
  }),
  `2026-11-25T10:01:40Z WARN [plaid] onExit: ${JSON.stringify({
    error_type: 'ITEM_ERROR',
    error_code: 'INVALID_CREDENTIALS',
    error_message: 'the provided credentials were not correct',
    display_message:
      'The credentials you provided were incorrect. Check that your credentials are the same that you use for this institution',
  })} ${JSON.stringify({
    institution: { name: 'First Platypus Bank', institution_id: 'ins_109508' },
    status: 'requires_credentials',
    link_session_id: WEB_SESSION,
    request_id: 'm8MDnv9okwxFNBV',
  })}`,
].join('\n');

// Plaid's LINK EVENTS webhook as received (pretty-printed), for a session that failed at the bank.
export const EVENTS_WEBHOOK_BODY = JSON.stringify(
  {
    webhook_type: 'LINK',
    webhook_code: 'EVENTS',
    link_session_id: MOBILE_SESSION,
    link_token: LOGS_LINK_TOKEN,
    environment: 'sandbox',
    events: [
      {
        event_id: '0b6d5e9a-7ce1-4a9b-9d1e-3c2f8a4b5d6e',
        event_name: 'EXIT',
        timestamp: '2026-11-25T09:30:50Z',
        event_metadata: {
          error_code: 'INSTITUTION_NOT_RESPONDING',
          error_message:
            'this institution is not currently responding to this request. Please try again soon',
          error_type: 'INSTITUTION_ERROR',
          exit_status: 'requires_credentials',
          institution_id: 'ins_127989',
          institution_name: 'Tartan Bank',
          request_id: 'Ha4kLmTq0GbYtZ2',
        },
      },
      {
        event_id: '7f3e2d1c-0b9a-4876-a543-210fedcba987',
        event_name: 'OPEN',
        timestamp: '2026-11-25T09:30:00Z',
        event_metadata: { request_id: 'Ha4kLmTq0GbYtZ2' },
      },
      {
        event_id: '9a8b7c6d-5e4f-4321-b0a9-876543210fed',
        event_name: 'SELECT_INSTITUTION',
        timestamp: '2026-11-25T09:30:10Z',
        event_metadata: { institution_id: 'ins_127989', institution_name: 'Tartan Bank' },
      },
      {
        event_id: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
        event_name: 'ERROR',
        timestamp: '2026-11-25T09:30:40Z',
        event_metadata: {
          error_code: 'INSTITUTION_NOT_RESPONDING',
          error_message:
            'this institution is not currently responding to this request. Please try again soon',
          error_type: 'INSTITUTION_ERROR',
          institution_id: 'ins_127989',
          institution_name: 'Tartan Bank',
        },
      },
    ],
  },
  null,
  2,
);

// Plaid's LINK SESSION_FINISHED webhook (the spec's example).
export const SESSION_FINISHED_BODY = JSON.stringify({
  webhook_type: 'LINK',
  webhook_code: 'SESSION_FINISHED',
  status: 'SUCCESS',
  link_session_id: MOBILE_SESSION,
  link_token: LOGS_LINK_TOKEN,
  public_tokens: [PUBLIC_TOKEN],
  environment: 'sandbox',
});

// react-native-plaid-link-sdk's LinkEvent, LinkExit and LinkSuccess objects, one a line.
export const REACT_NATIVE_LINES = [
  JSON.stringify({
    eventName: 'TRANSITION_VIEW',
    metadata: {
      linkSessionId: MOBILE_SESSION,
      mfaType: null,
      requestId: 'Ha4kLmTq0GbYtZ2',
      viewName: 'SELECT_ACCOUNT',
      errorCode: null,
      errorMessage: null,
      errorType: null,
      exitStatus: null,
      institutionId: 'ins_127989',
      institutionName: 'Tartan Bank',
      institutionSearchQuery: null,
      selection: null,
      timestamp: '2026-11-25T09:31:00Z',
    },
  }),
  JSON.stringify({
    publicToken: PUBLIC_TOKEN,
    metadata: {
      institution: { id: 'ins_127989', name: 'Tartan Bank' },
      accounts: [
        {
          id: 'BxBXxLj1m4HMXBm9WZZmCWVbPjX16EHwv99vp',
          name: 'Plaid Checking',
          mask: '0000',
          type: 'depository',
          subtype: 'checking',
          verificationStatus: null,
        },
      ],
      linkSessionId: MOBILE_SESSION,
    },
  }),
].join('\n');

// LinkKit (iOS) spells identifiers with capitals: linkSessionID, requestID, institutionID.
export const IOS_EXIT_LINE = `2026-11-25 09:40:00.123 MyApp[123:456] Plaid exit: ${JSON.stringify({
  error: {
    errorCode: 'INVALID_MFA',
    errorType: 'ITEM_ERROR',
    errorMessage: 'the provided MFA response(s) were not correct',
    displayMessage: 'The code you entered was incorrect.',
  },
  metadata: {
    status: 'requires_code',
    institution: { id: 'ins_109508', name: 'First Platypus Bank' },
    linkSessionID: '8b1c2d3e-4f50-4617-8283-94a5b6c7d8e9',
    requestID: 'Xy7PqRsT9uVwAbC',
  },
})}`;
