import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { describe, expect, it } from 'vitest';
import type { SecurityVariables } from './context';
import { refuseRequestCredentials } from './request-credentials';

// The route behind the guard reads the body again, as the real lookup route does.
const app = new Hono<{ Variables: SecurityVariables }>();
app.use(requestId());
app.post('/api/link/token/get', refuseRequestCredentials(), async (c) => {
  const body: unknown = await c.req.json().catch(() => 'unreadable');
  return c.json({ received: body }, body === 'unreadable' ? 400 : 200);
});

const token = 'link-sandbox-00000000-0000-4000-8000-000000000000';

function lookup(body: string) {
  return app.request('/api/link/token/get', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
}

describe('refusing credentials in requests (ALLOW_REQUEST_CREDENTIALS=false)', () => {
  it('answers 400 REQUEST_CREDENTIALS_DISABLED when a request brings client_id / secret', async () => {
    for (const body of [
      { link_token: token, client_id: 'id', secret: 'a-secret-value' },
      { link_token: token, secret: 'a-secret-value' },
      { link_token: token, client_id: 'id' },
    ]) {
      const response = await lookup(JSON.stringify(body));
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({
        error_type: 'PROXY_ERROR',
        error_code: 'REQUEST_CREDENTIALS_DISABLED',
      });
      expect(text).not.toContain('a-secret-value');
    }
  });

  it('lets a request without credentials through, its body intact for the route', async () => {
    const response = await lookup(JSON.stringify({ link_token: token }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: { link_token: token } });
  });

  it('leaves a body that is not JSON to the route to reject', async () => {
    const response = await lookup('{not json');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ received: 'unreadable' });
  });
});
