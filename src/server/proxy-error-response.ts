import type { Context } from 'hono';
import { PROXY_ERROR_CODES, proxyError, type ProxyErrorCode } from '../shared/schemas/proxy-error';
import type { AppEnv } from './app-env';

// Every error our own server makes: a PlaidError-shaped JSON body carrying our request id, with the
// HTTP status that belongs to its code.
export function respondWithProxyError(c: Context<AppEnv>, code: ProxyErrorCode, message: string): Response {
  return c.json(proxyError(code, message, c.get('requestId')), PROXY_ERROR_CODES[code]);
}
