import type { PlaidError } from '../shared/schemas/plaid-error';

// Plaid's errors, with the texts and HTTP statuses from Plaid's error reference
// (plaid.com/docs/errors/). Each carries a documentation_url pointing at the code's anchor on the
// page for its type, as Plaid's own answers do.

export interface SimulatorError {
  status: number;
  error: PlaidError;
}

function documentationUrl(type: string, code: string): string {
  // API_ERROR is documented on /errors/api/, ITEM_ERROR on /errors/item/, INVALID_INPUT on
  // /errors/invalid-input/: the type without a trailing _ERROR, in kebab case.
  const page = type
    .replace(/_ERROR$/, '')
    .toLowerCase()
    .replaceAll('_', '-');
  return `https://plaid.com/docs/errors/${page}/#${code.toLowerCase()}`;
}

export function plaidError(fields: {
  status: number;
  type: string;
  code: string;
  message: string;
  requestId: string;
  displayMessage?: string | null;
}): PlaidError {
  return {
    error_type: fields.type,
    error_code: fields.code,
    error_code_reason: null,
    error_message: fields.message,
    display_message: fields.displayMessage ?? null,
    request_id: fields.requestId,
    causes: [],
    status: fields.status,
    documentation_url: documentationUrl(fields.type, fields.code),
    suggested_action: null,
  };
}

function apiError(
  status: number,
  type: string,
  code: string,
  message: string,
  requestId: string,
): SimulatorError {
  return { status, error: plaidError({ status, type, code, message, requestId }) };
}

// --- Errors of the /link/token/get call itself ---

export function missingFields(fields: string[], requestId: string): SimulatorError {
  const message = `the following required fields are missing: ${fields.join(', ')}`;
  return apiError(400, 'INVALID_REQUEST', 'MISSING_FIELDS', message, requestId);
}

export function unknownFields(fields: string[], requestId: string): SimulatorError {
  const message = `the following fields are not recognized by this endpoint: ${fields.join(', ')}`;
  return apiError(400, 'INVALID_REQUEST', 'UNKNOWN_FIELDS', message, requestId);
}

export function invalidField(message: string, requestId: string): SimulatorError {
  return apiError(400, 'INVALID_REQUEST', 'INVALID_FIELD', message, requestId);
}

export function invalidBody(requestId: string): SimulatorError {
  return apiError(400, 'INVALID_REQUEST', 'INVALID_BODY', 'body could not be parsed as JSON', requestId);
}

export function invalidHeaders(message: string, requestId: string): SimulatorError {
  return apiError(400, 'INVALID_REQUEST', 'INVALID_HEADERS', message, requestId);
}

export function notFound(requestId: string): SimulatorError {
  return apiError(404, 'INVALID_REQUEST', 'NOT_FOUND', 'not found', requestId);
}

export function invalidApiKeys(requestId: string): SimulatorError {
  return apiError(
    400,
    'INVALID_INPUT',
    'INVALID_API_KEYS',
    'invalid client_id or secret provided',
    requestId,
  );
}

export function invalidLinkToken(requestId: string): SimulatorError {
  return apiError(400, 'INVALID_INPUT', 'INVALID_LINK_TOKEN', 'invalid link_token provided', requestId);
}

export function rateLimitExceeded(requestId: string): SimulatorError {
  const message = 'rate limit exceeded for attempts to access this item. please try again later';
  return apiError(429, 'RATE_LIMIT_EXCEEDED', 'RATE_LIMIT', message, requestId);
}

export function internalServerError(requestId: string): SimulatorError {
  return apiError(500, 'API_ERROR', 'INTERNAL_SERVER_ERROR', 'an unexpected error occurred', requestId);
}

export function plannedMaintenance(requestId: string): SimulatorError {
  const message =
    'the Plaid API is temporarily unavailable due to planned maintenance. visit https://status.plaid.com/ for more information';
  return apiError(503, 'API_ERROR', 'PLANNED_MAINTENANCE', message, requestId);
}

// --- Errors a Link session can end with (exit.error) ---

export function itemLoginRequired(requestId: string): PlaidError {
  return plaidError({
    status: 400,
    type: 'ITEM_ERROR',
    code: 'ITEM_LOGIN_REQUIRED',
    message:
      "the login details of this item have changed (credentials, MFA, or required user action) and a user login is required to update this information. use Link's update mode to restore the item to a good state",
    requestId,
  });
}

export function institutionDown(requestId: string): PlaidError {
  return plaidError({
    status: 400,
    type: 'INSTITUTION_ERROR',
    code: 'INSTITUTION_DOWN',
    message: 'this institution is not currently responding to this request. please try again soon',
    displayMessage:
      'This financial institution is not currently responding to requests. We apologize for the inconvenience.',
    requestId,
  });
}

export function invalidCredentials(requestId: string): PlaidError {
  return plaidError({
    status: 400,
    type: 'ITEM_ERROR',
    code: 'INVALID_CREDENTIALS',
    message: 'the provided credentials were not correct',
    displayMessage: 'The provided credentials were not correct. Please try again.',
    requestId,
  });
}

export function oauthStateIdNotFound(requestId: string): PlaidError {
  return plaidError({
    status: 400,
    type: 'OAUTH_ERROR',
    code: 'OAUTH_STATE_ID_NOT_FOUND',
    message: 'the provided oauth_state_id wasn’t found or has expired',
    requestId,
  });
}

// --- Errors of /webhook_verification_key/get ---

export function unknownWebhookKey(requestId: string): SimulatorError {
  return apiError(
    400,
    'INVALID_INPUT',
    'INVALID_WEBHOOK_VERIFICATION_KEY_ID',
    'invalid key_id provided',
    requestId,
  );
}

// In a Link session: Link reopened after the bank's sign-in with a continuation token Plaid could
// not use (the redirect page passed a stale or cut redirect URL).
export function invalidContinuationToken(requestId: string): PlaidError {
  return plaidError({
    status: 400,
    type: 'INVALID_REQUEST',
    code: 'INVALID_FIELD',
    message: 'continuation token is invalid or has expired',
    requestId,
  });
}
