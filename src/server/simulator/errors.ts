import type { PlaidError } from '../../shared/schemas/plaid-error';

// Plaid's errors for /link/token/get, with the HTTP status Plaid sends each with.
export interface SimulatorError {
  status: number;
  error: PlaidError;
}

function plaidError(
  status: number,
  type: string,
  code: string,
  message: string,
  requestId: string,
): SimulatorError {
  return {
    status,
    error: {
      error_type: type,
      error_code: code,
      error_message: message,
      display_message: null,
      request_id: requestId,
      causes: [],
      status,
      documentation_url: `https://plaid.com/docs/errors/${type.toLowerCase().replaceAll('_', '-')}/#${code.toLowerCase()}`,
      suggested_action: null,
    },
  };
}

export function missingFields(fields: string[], requestId: string): SimulatorError {
  return plaidError(
    400,
    'INVALID_REQUEST',
    'MISSING_FIELDS',
    `the following required fields are missing: ${fields.join(', ')}`,
    requestId,
  );
}

export function invalidApiKeys(requestId: string): SimulatorError {
  return plaidError(
    400,
    'INVALID_INPUT',
    'INVALID_API_KEYS',
    'invalid client_id or secret provided',
    requestId,
  );
}

export function invalidLinkToken(requestId: string): SimulatorError {
  return plaidError(400, 'INVALID_INPUT', 'INVALID_LINK_TOKEN', 'provided link token is invalid', requestId);
}

export function internalServerError(requestId: string): SimulatorError {
  return plaidError(500, 'API_ERROR', 'INTERNAL_SERVER_ERROR', 'an unexpected error occurred', requestId);
}
