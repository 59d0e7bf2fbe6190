import type { TokenCheck } from '../link-token';

// Errors detected in the browser itself share PlaidError's shape; this type tells them apart (the
// server never sends it).
export const CLIENT_ERROR_TYPE = 'CLIENT_ERROR';

// Every error_code the browser can produce: its server could not be reached or did not answer in
// time, the answer could not be read, something else failed, or (batch) a pasted token failed the
// same check the server runs, so no request was made.
export const CLIENT_ERROR_CODES = [
  'NETWORK_ERROR',
  'CLIENT_TIMEOUT',
  'UNEXPECTED_RESPONSE',
  'UNEXPECTED_ERROR',
] as const;
export type ClientErrorCode =
  (typeof CLIENT_ERROR_CODES)[number] | Extract<TokenCheck, { ok: false }>['code'];
