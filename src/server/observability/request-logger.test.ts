import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { describe, expect, it } from 'vitest';
import type { SecurityVariables } from '../middleware/context';
import { captureLogs } from '../testing/log-capture';
import { createLogger, REDACTED } from './logger';
import type { LookupVariables } from './lookup-facts';
import { requestLogger } from './request-logger';

const token = 'link-sandbox-00000000-0000-4000-8000-000000000000';

function appLoggingTo(logs: ReturnType<typeof captureLogs>) {
  const app = new Hono<{ Variables: SecurityVariables & LookupVariables }>();
  app.use(requestId());
  app.use(requestLogger(createLogger({ level: 'info', destination: logs.destination })));
  app.use(async (c, next) => {
    c.set('user', 'alice');
    await next();
  });
  // Stands in for the lookup route: it reports what it learnt, as the real one does.
  app.post('/api/link/token/get', (c) => {
    c.set('lookup', {
      linkToken: token,
      environment: 'sandbox',
      credentials: 'request',
      upstream: { status: 400, plaidRequestId: 'plaid-req-1', durationMs: 41.6 },
    });
    c.get('log').info('inside the route');
    c.get('log').info({ call: { secret: 'careless-secret' } }, 'careless');
    return c.json({ error_code: 'INVALID_LINK_TOKEN' }, 400);
  });
  app.get('/fail', (c) => c.json({}, 502));
  return app;
}

describe('requestLogger', () => {
  it('writes one audit line per lookup: user, token, environment, Plaid status and request_id', async () => {
    const logs = captureLogs();
    const response = await appLoggingTo(logs).request('/api/link/token/get?secret=in-the-url', {
      method: 'POST',
    });
    const requestIdHeader = response.headers.get('X-Request-Id');

    const [inside, careless, audit] = logs.lines();
    expect(inside).toMatchObject({ msg: 'inside the route', request_id: requestIdHeader });
    // What handlers log is redacted; the audit line is made of fields that hold no credential.
    expect(careless).toMatchObject({ request_id: requestIdHeader, call: { secret: REDACTED } });
    expect(logs.text()).not.toContain('careless-secret');
    expect(audit).toMatchObject({
      msg: 'lookup',
      level: 'info',
      request_id: requestIdHeader,
      method: 'POST',
      path: '/api/link/token/get',
      status: 400,
      user: 'alice',
      link_token: token,
      environment: 'sandbox',
      credentials: 'request',
      upstream_status: 400,
      upstream_ms: 42,
      plaid_request_id: 'plaid-req-1',
    });
    expect(audit?.latency_ms).toEqual(expect.any(Number));
    // The query string is not logged: it is where a careless caller would put a secret.
    expect(logs.text()).not.toContain('in-the-url');
  });

  it('logs other requests as "request", and server-side failures at error level', async () => {
    const logs = captureLogs();
    await appLoggingTo(logs).request('/fail');
    expect(logs.lines()).toEqual([
      expect.objectContaining({ msg: 'request', level: 'error', status: 502, path: '/fail', user: 'alice' }),
    ]);
  });
});
