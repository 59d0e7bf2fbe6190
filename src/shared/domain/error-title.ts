import { CLIENT_ERROR_TYPE, type ClientErrorCode } from '../schemas/client-error';
import type { PlaidError } from '../schemas/plaid-error';
import { PROXY_ERROR_TYPE } from '../schemas/proxy-error';
import { ownEntry } from '../own-entry';

// Who produced an error decides what the user can do about it: Plaid's answer, our own server's
// refusal, or a failure in the browser before any answer arrived.
export type ErrorSource = 'plaid' | 'proxy' | 'client';

export function errorSource(error: PlaidError): ErrorSource {
  if (error.error_type === PROXY_ERROR_TYPE) return 'proxy';
  if (error.error_type === CLIENT_ERROR_TYPE) return 'client';
  return 'plaid';
}

export const ERROR_SOURCE_LABELS: Record<ErrorSource, string> = {
  plaid: 'Error from Plaid',
  proxy: 'Error from the inspector’s server',
  client: 'Error in the browser',
};

const PLAID_TITLES: Record<string, string> = {
  INVALID_LINK_TOKEN: 'Plaid does not know this link token (wrong environment, mistyped, or too old)',
  INVALID_API_KEYS: 'Plaid rejected the client ID or secret',
  INVALID_FIELD: 'Plaid rejected a field of the request',
  MISSING_FIELDS: 'Plaid says the request is missing fields',
  INTERNAL_SERVER_ERROR: 'Plaid had an internal error: try again shortly',
  PLANNED_MAINTENANCE: 'Plaid is down for planned maintenance',
  UNAUTHORIZED_ENVIRONMENT: 'These credentials may not use this Plaid environment',
};

// The server's refusal of a pasted token and the browser's own check of it (batch) say the same.
const TOKEN_CHECK_TITLES = {
  MALFORMED_LINK_TOKEN: 'That is not a link token',
  WRONG_TOKEN_TYPE: 'That is the wrong kind of token',
  ENVIRONMENT_RETIRED: 'Plaid retired the Development environment',
};

const PROXY_TITLES: Record<string, string> = {
  ...TOKEN_CHECK_TITLES,
  MISSING_CREDENTIALS: 'Credentials are needed for this lookup',
  INCOMPLETE_CREDENTIALS: 'Give both the client ID and the secret, or neither',
  REQUEST_CREDENTIALS_DISABLED: 'This server does not accept credentials in the request',
  UNAUTHORIZED: 'Sign-in required',
  FORBIDDEN_ORIGIN: 'This page’s origin may not use the inspector’s API',
  FORBIDDEN_HOST: 'The inspector’s server does not answer to this address',
  RATE_LIMITED: 'Too many lookups for this server’s limit',
  UPSTREAM_UNREACHABLE: 'Plaid could not be reached',
  UPSTREAM_TIMEOUT: 'Plaid did not answer in time',
  UPSTREAM_BAD_RESPONSE: 'Plaid’s answer could not be read',
  SERVER_BUSY: 'The inspector’s server is busy: try again in a moment',
  INTERNAL_ERROR: 'The inspector’s server failed',
};

// Every code the browser can produce has its title.
const CLIENT_TITLES: Record<ClientErrorCode, string> = {
  NETWORK_ERROR: 'The inspector’s server could not be reached',
  CLIENT_TIMEOUT: 'The inspector’s server did not answer in time',
  UNEXPECTED_RESPONSE: 'The answer could not be read',
  UNEXPECTED_ERROR: 'The lookup failed in the browser',
  ...TOKEN_CHECK_TITLES,
};

const TITLES: Record<ErrorSource, Record<string, string>> = {
  plaid: PLAID_TITLES,
  proxy: PROXY_TITLES,
  client: CLIENT_TITLES,
};

const TYPE_TITLES: Record<string, string> = {
  RATE_LIMIT_EXCEEDED: 'Plaid’s rate limit was reached: wait before trying again',
  API_ERROR: 'Plaid had an error: try again shortly',
  INVALID_REQUEST: 'Plaid rejected the request',
  INVALID_INPUT: 'Plaid rejected the input',
};

const DEFAULT_TITLES: Record<ErrorSource, string> = {
  plaid: 'Plaid answered with an error',
  proxy: 'The inspector could not complete the lookup',
  client: 'The lookup failed in the browser',
};

export function errorTitle(error: PlaidError): string {
  const source = errorSource(error);
  return (
    ownEntry(TITLES[source], error.error_code) ??
    (source === 'plaid' ? ownEntry(TYPE_TITLES, error.error_type) : undefined) ??
    DEFAULT_TITLES[source]
  );
}
