import { describe, expect, it } from 'vitest';
import { CLIENT_ERROR_TYPE } from '../schemas/client-error';
import type { PlaidError } from '../schemas/plaid-error';
import { PROXY_ERROR_TYPE } from '../schemas/proxy-error';
import { isRetryableLookupError } from './retryable-error';

function error(error_type: string, error_code: string): PlaidError {
  return { error_type, error_code, error_message: 'x', display_message: null };
}

describe('isRetryableLookupError', () => {
  it.each([
    ['our rate limit', error(PROXY_ERROR_TYPE, 'RATE_LIMITED'), 429],
    ["Plaid's rate limit", error('RATE_LIMIT_EXCEEDED', 'RATE_LIMIT'), 429],
    ["Plaid's internal error", error('API_ERROR', 'INTERNAL_SERVER_ERROR'), 500],
    ["Plaid's planned maintenance", error('API_ERROR', 'PLANNED_MAINTENANCE'), 503],
    ['an unknown Plaid error with a 5xx', error('NEW_KIND_OF_ERROR', 'SOMETHING'), 502],
    ['Plaid unreachable', error(PROXY_ERROR_TYPE, 'UPSTREAM_UNREACHABLE'), 502],
    ['Plaid too slow', error(PROXY_ERROR_TYPE, 'UPSTREAM_TIMEOUT'), 504],
    ["Plaid's unreadable answer", error(PROXY_ERROR_TYPE, 'UPSTREAM_BAD_RESPONSE'), 502],
    ['our server unreachable', error(CLIENT_ERROR_TYPE, 'NETWORK_ERROR'), null],
    ['our server too slow', error(CLIENT_ERROR_TYPE, 'CLIENT_TIMEOUT'), null],
    ["a gateway's HTML error page", error(CLIENT_ERROR_TYPE, 'UNEXPECTED_RESPONSE'), 502],
  ])('%s can be retried', (_name, plaidError, status) => {
    expect(isRetryableLookupError(plaidError, status)).toBe(true);
  });

  it.each([
    ['an unknown token', error('INVALID_INPUT', 'INVALID_LINK_TOKEN'), 400],
    ['wrong credentials', error('INVALID_INPUT', 'INVALID_API_KEYS'), 400],
    ['missing credentials', error(PROXY_ERROR_TYPE, 'MISSING_CREDENTIALS'), 400],
    ['a malformed token', error(PROXY_ERROR_TYPE, 'MALFORMED_LINK_TOKEN'), 400],
    ['sign-in required', error(PROXY_ERROR_TYPE, 'UNAUTHORIZED'), 401],
    ["our server's own failure", error(PROXY_ERROR_TYPE, 'INTERNAL_ERROR'), 500],
    ['a 200 answer of the wrong shape', error(CLIENT_ERROR_TYPE, 'UNEXPECTED_RESPONSE'), 200],
    ['a token the browser refused', error(CLIENT_ERROR_TYPE, 'WRONG_TOKEN_TYPE'), null],
  ])('%s cannot: something has to change first', (_name, plaidError, status) => {
    expect(isRetryableLookupError(plaidError, status)).toBe(false);
  });
});
