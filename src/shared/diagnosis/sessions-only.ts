import type { LinkSession, LinkTokenGetResponse } from '../schemas/link-token-get-response';

// Sessions known without Plaid's answer about their token (pasted client logs, kept sessions beside
// a Plaid error, a token known only from Plaid's webhooks) are diagnosed as an answer whose
// configuration is unknown: diagnoseWithoutConfiguration then lets only the sessions speak.
const UNKNOWN_CONFIGURATION: LinkTokenGetResponse['metadata'] = {
  initial_products: [],
  webhook: null,
  country_codes: [],
  language: null,
  redirect_uri: null,
  client_name: null,
};

export function sessionsOnlyAnswer(linkToken: string, sessions: LinkSession[]): LinkTokenGetResponse {
  return {
    link_token: linkToken,
    created_at: null,
    expiration: null,
    link_sessions: sessions,
    metadata: UNKNOWN_CONFIGURATION,
    request_id: '',
  };
}
