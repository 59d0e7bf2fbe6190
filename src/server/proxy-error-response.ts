import type { Context, TypedResponse } from 'hono';
// Also tells TypeScript that c.get('requestId') is a string on every context.
import type {} from 'hono/request-id';
import {
  PROXY_ERROR_CODES,
  proxyError,
  type ProxyError,
  type ProxyErrorCode,
  type ProxyErrorStatus,
} from '../shared/schemas/proxy-error';

// The one place where our server answers with an error of its own: every route and middleware
// returns one of these two, so every refusal has the same shape, status and request id.

// A PlaidError-shaped JSON body carrying our request id (hono/request-id runs first), with the
// HTTP status that belongs to its code. Typed as hono types c.json(), so that the app's type
// (AppType) knows the error answers.
export type ProxyErrorResponse = Response & TypedResponse<ProxyError, ProxyErrorStatus, 'json'>;

export function respondWithProxyError(c: Context, code: ProxyErrorCode, message: string): ProxyErrorResponse {
  return c.json(proxyError(code, message, c.get('requestId')), PROXY_ERROR_CODES[code]);
}

export const INTERNAL_ERROR_MESSAGE =
  'Something went wrong inside the Link Token Inspector server. Try again; if it keeps happening, give its operator the request_id.';

// An error we did not expect. The stack goes to the server's output, never to the caller.
export function respondWithInternalError(c: Context, error: Error): ProxyErrorResponse {
  c.get('log').error({ err: error }, 'unhandled error');
  return respondWithProxyError(c, 'INTERNAL_ERROR', INTERNAL_ERROR_MESSAGE);
}

// For refusals that pages meet too (sign-in, wrong host): API and MCP callers get the JSON error; a
// person who opened a page gets the sentence alone rather than raw JSON.
export function refuseRequest(c: Context, code: ProxyErrorCode, message: string): Response {
  if (c.req.path.startsWith('/api/') || c.req.path === '/mcp') return respondWithProxyError(c, code, message);
  return c.text(message, PROXY_ERROR_CODES[code]);
}
