// Errors made by our own server (never by Plaid) share PlaidError's shape so that callers handle
// one kind of error body; error_type PROXY_ERROR tells them apart. The codes are a stable API.
export const PROXY_ERROR_TYPE = 'PROXY_ERROR';

export const PROXY_ERROR_CODES = {
  INVALID_BODY: 400,
  INVALID_QUERY: 400,
  MALFORMED_LINK_TOKEN: 400,
  WRONG_TOKEN_TYPE: 400,
  ENVIRONMENT_RETIRED: 400,
  MISSING_CREDENTIALS: 400,
  INCOMPLETE_CREDENTIALS: 400,
  REQUEST_CREDENTIALS_DISABLED: 400,
  UNAUTHORIZED: 401,
  // An API key that lacks the scope the endpoint needs (server/auth/api-keys.ts).
  MISSING_SCOPE: 403,
  FORBIDDEN_ORIGIN: 403,
  FORBIDDEN_HOST: 403,
  NOT_FOUND: 404,
  NOT_KEPT: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  UPSTREAM_BAD_RESPONSE: 502,
  UPSTREAM_UNREACHABLE: 502,
  SERVER_BUSY: 503,
  STORE_UNAVAILABLE: 503,
  UPSTREAM_TIMEOUT: 504,
} as const;

export type ProxyErrorCode = keyof typeof PROXY_ERROR_CODES;
export type ProxyErrorStatus = (typeof PROXY_ERROR_CODES)[ProxyErrorCode];

// A PlaidError, narrowed to what our server fills in.
export type ProxyError = {
  error_type: typeof PROXY_ERROR_TYPE;
  error_code: ProxyErrorCode;
  error_message: string;
  display_message: null;
  request_id: string;
  status: ProxyErrorStatus;
};

export function proxyError(code: ProxyErrorCode, message: string, requestId: string): ProxyError {
  return {
    error_type: PROXY_ERROR_TYPE,
    error_code: code,
    error_message: message,
    display_message: null,
    request_id: requestId,
    status: PROXY_ERROR_CODES[code],
  };
}
