import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { LookupVariables } from './lookup-facts';
import { createMetrics, metricsMiddleware } from './metrics';

function appMeasuredBy(metrics = createMetrics()) {
  const app = new Hono<{ Variables: LookupVariables }>();
  app.use(metricsMiddleware(metrics));
  app.post('/api/link/token/get', (c) => {
    c.set('lookup', {
      linkToken: 'link-production-00000000-0000-4000-8000-000000000000',
      environment: 'production',
      credentials: 'server',
      upstream: { status: 200, plaidRequestId: 'r1', durationMs: 300 },
    });
    return c.json({});
  });
  app.get('/slow', async (c) => {
    const inFlight = (await metrics.inFlight.get()).values[0]?.value;
    return c.json({ inFlight });
  });
  return { app, metrics };
}

describe('metrics', () => {
  it('counts requests by route pattern, status and environment', async () => {
    const { app, metrics } = appMeasuredBy();
    await app.request('/api/link/token/get', { method: 'POST' });
    await app.request('/api/link/token/get', { method: 'POST' });
    await app.request('/no/such/page/link-sandbox-123');

    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'http_requests_total{method="POST",route="/api/link/token/get",status="200",environment="production"} 2',
    );
    // Unmatched paths are counted under their route pattern, never the path itself.
    expect(text).not.toContain('link-sandbox-123');
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="[^"]*",status="404",environment="none"\} 1/,
    );
  });

  it('observes upstream latency per environment', async () => {
    const { app, metrics } = appMeasuredBy();
    await app.request('/api/link/token/get', { method: 'POST' });
    const text = await metrics.registry.metrics();
    expect(text).toContain('upstream_request_duration_seconds_bucket{le="0.25",environment="production"} 0');
    expect(text).toContain('upstream_request_duration_seconds_bucket{le="0.5",environment="production"} 1');
    expect(text).toContain('upstream_request_duration_seconds_count{environment="production"} 1');
  });

  it('tracks requests in flight', async () => {
    const { app, metrics } = appMeasuredBy();
    expect(await (await app.request('/slow')).json()).toEqual({ inFlight: 1 });
    expect((await metrics.inFlight.get()).values[0]?.value).toBe(0);
  });

  it('keeps each app’s counters apart', async () => {
    const first = appMeasuredBy();
    const second = appMeasuredBy();
    await first.app.request('/api/link/token/get', { method: 'POST' });
    expect(await second.metrics.registry.metrics()).not.toContain('route="/api/link/token/get"');
  });
});
