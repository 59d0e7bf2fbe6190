import { createMiddleware } from 'hono/factory';
import { proxyError } from '../../shared/schemas/proxy-error';
import type { SecurityVariables } from './context';

// With ALLOW_REQUEST_CREDENTIALS=false the deployment uses only the credentials it holds itself:
// a lookup that brings its own client_id / secret is refused before anything is sent upstream, so
// nobody can use this server to try credentials against Plaid.
export function refuseRequestCredentials() {
  return createMiddleware<{ Variables: SecurityVariables }>(async (c, next) => {
    // Hono keeps the parsed body, so the route reads it again for free. A body that is not JSON
    // is the route's to reject, with its own message.
    const body: unknown = await c.req.json().catch(() => undefined);
    if (typeof body === 'object' && body !== null && ('client_id' in body || 'secret' in body)) {
      return c.json(
        proxyError(
          'REQUEST_CREDENTIALS_DISABLED',
          'This server uses its own Plaid credentials only; send the link_token without client_id and secret.',
          c.get('requestId'),
        ),
        400,
      );
    }
    await next();
  });
}
