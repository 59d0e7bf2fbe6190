import {
  LinkTokenGetResponseSchema,
  type LinkEvent,
  type LinkSession,
  type LinkTokenGetResponse,
} from '../schemas/link-token-get-response';

// Small builders for schema-valid answers: each test states only the fields it is about.

export const TOKEN = 'link-sandbox-0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5';

export function makeEvent(
  overrides: Partial<LinkEvent> & Pick<LinkEvent, 'event_name' | 'timestamp'>,
): LinkEvent {
  return { event_id: `evt-${overrides.event_name}-${overrides.timestamp}`, event_metadata: {}, ...overrides };
}

export function makeSession(overrides: Partial<LinkSession> = {}): LinkSession {
  return {
    link_session_id: 'session-1',
    started_at: '2026-11-25T10:00:00Z',
    finished_at: '2026-11-25T10:03:30Z',
    events: [],
    ...overrides,
  };
}

// A session's exit error, as Plaid sends it when the user typed the wrong password.
export const invalidCredentials = {
  error_type: 'ITEM_ERROR',
  error_code: 'INVALID_CREDENTIALS',
  error_message: 'the provided credentials were not correct',
  display_message: 'The credentials you provided were incorrect. Check your details and try again.',
  request_id: 'exit-req-1',
};

// Results with every list empty: what Plaid sends for a session that produced nothing.
export const emptyResults = {
  item_add_results: [],
  cra_item_add_results: [],
  cra_update_results: [],
  bank_income_results: [],
  payroll_income_results: [],
  document_income_results: null,
};

export function makeResponse(overrides: Partial<LinkTokenGetResponse> = {}): LinkTokenGetResponse {
  const response = {
    link_token: TOKEN,
    created_at: '2026-11-25T10:00:00Z',
    expiration: '2026-11-25T14:00:00Z',
    request_id: 'req-abc123',
    metadata: {
      initial_products: ['auth', 'transactions'],
      webhook: 'https://example.com/webhook',
      country_codes: ['US', 'CA'],
      language: 'en',
      redirect_uri: null,
      client_name: 'Acme Budget',
    },
    ...overrides,
  };
  // Every fixture must be something the real schema accepts, or the tests prove nothing.
  return LinkTokenGetResponseSchema.parse(response);
}
