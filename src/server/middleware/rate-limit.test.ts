import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { describe, expect, it } from 'vitest';
import { memoryCounters } from '../counters/counters';
import type { SecurityVariables } from './context';
import { rateLimit } from './rate-limit';

function appLimitedTo(perMinute: number) {
  const app = new Hono<{ Variables: SecurityVariables }>();
  app.use(requestId());
  // Stands in for access control: the user is whoever the test says.
  app.use(async (c, next) => {
    c.set('user', c.req.header('X-Test-User') ?? 'local');
    await next();
  });
  app.use(rateLimit(perMinute, memoryCounters()));
  app.get('/api/config', (c) => c.json({ ok: true }));
  return app;
}

describe('rate limit', () => {
  it('answers 429 RATE_LIMITED with Retry-After once a user exceeds the limit', async () => {
    const app = appLimitedTo(3);
    for (let i = 0; i < 3; i++) expect((await app.request('/api/config')).status).toBe(200);

    const response = await app.request('/api/config');
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const error = await response.json();
    expect(error).toMatchObject({ error_type: 'PROXY_ERROR', error_code: 'RATE_LIMITED', status: 429 });
    expect(error.error_message).toContain('3 a minute');
    expect(error.request_id).toBe(response.headers.get('X-Request-Id'));
  });

  it('counts each user separately', async () => {
    const app = appLimitedTo(1);
    expect((await app.request('/api/config', { headers: { 'X-Test-User': 'alice' } })).status).toBe(200);
    expect((await app.request('/api/config', { headers: { 'X-Test-User': 'alice' } })).status).toBe(429);
    expect((await app.request('/api/config', { headers: { 'X-Test-User': 'bob' } })).status).toBe(200);
  });

  it('tells callers their budget on every answer', async () => {
    const response = await appLimitedTo(5).request('/api/config');
    expect(response.headers.get('RateLimit-Limit')).toBe('5');
    expect(response.headers.get('RateLimit-Remaining')).toBe('4');
  });
});
