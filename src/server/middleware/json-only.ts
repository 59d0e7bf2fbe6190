import { createMiddleware } from 'hono/factory';
import { respondWithProxyError } from '../proxy-error-response';
import type { SecurityVariables } from './context';

// The API reads JSON only. Refusing other types also closes the form-post route to CSRF: an HTML
// form cannot send application/json.
export function jsonOnly() {
  return createMiddleware<{ Variables: SecurityVariables }>(async (c, next) => {
    const mediaType = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      return respondWithProxyError(
        c,
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the request body as JSON (Content-Type: application/json).',
      );
    }
    await next();
  });
}
