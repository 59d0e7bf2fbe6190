import { CLIENT_ERROR_TYPE } from '../schemas/client-error';
import type { PlaidError } from '../schemas/plaid-error';
import { PROXY_ERROR_TYPE } from '../schemas/proxy-error';

// Whether asking again, unchanged, may succeed: the failure was about load or a passing fault
// (a rate limit, Plaid's own 5xx, a timeout, a lost connection), not about the token, the
// credentials or the request. Those get a Retry button; the others need the user to change
// something first.

const RETRYABLE_PROXY_CODES: ReadonlySet<string> = new Set([
  'RATE_LIMITED',
  'UPSTREAM_UNREACHABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_BAD_RESPONSE',
]);

const RETRYABLE_CLIENT_CODES: ReadonlySet<string> = new Set(['NETWORK_ERROR', 'CLIENT_TIMEOUT']);

// Plaid's error types for "too many requests" and "Plaid itself failed" (INTERNAL_SERVER_ERROR,
// PLANNED_MAINTENANCE); plaid.com/docs/errors/ recommends retrying both later.
const RETRYABLE_PLAID_TYPES: ReadonlySet<string> = new Set(['RATE_LIMIT_EXCEEDED', 'API_ERROR']);

export function isRetryableLookupError(error: PlaidError, httpStatus: number | null): boolean {
  const serverFailed = httpStatus !== null && httpStatus >= 500;
  switch (error.error_type) {
    case PROXY_ERROR_TYPE:
      return RETRYABLE_PROXY_CODES.has(error.error_code);
    case CLIENT_ERROR_TYPE:
      // An unreadable 5xx came from something in front of our server (a gateway's HTML page).
      return (
        RETRYABLE_CLIENT_CODES.has(error.error_code) || (error.error_code === 'UNEXPECTED_RESPONSE' && serverFailed)
      );
    default:
      return RETRYABLE_PLAID_TYPES.has(error.error_type) || serverFailed;
  }
}

