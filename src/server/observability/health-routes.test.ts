import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPortUrl } from '../testing/fake-upstream';
import { healthRoutes } from './health-routes';
import { createMetrics } from './metrics';
import { checkReadiness } from './readiness';

// A real upstream on loopback that answers anything, like Plaid answering a request without
// credentials with an error.
let upstream: ServerType;
let upstreamUrl: string;
beforeAll(async () => {
  const app = new Hono();
  app.all('*', (c) => c.json({ error_code: 'NOT_FOUND' }, 404));
  upstreamUrl = await new Promise((resolve) => {
    upstream = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      resolve(`http://127.0.0.1:${info.port}`),
    );
  });
});
afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

describe('health routes', () => {
  it('GET /healthz says the process is alive', async () => {
    const routes = healthRoutes({
      metrics: createMetrics(),
      readiness: () => checkReadiness({ sandbox: upstreamUrl, production: upstreamUrl }, 'memory'),
    });
    const response = await routes.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz is 200 when every upstream answers HTTP, and says where limits are counted', async () => {
    const routes = healthRoutes({
      metrics: createMetrics(),
      readiness: () => checkReadiness({ sandbox: upstreamUrl, production: upstreamUrl }, 'memory'),
    });
    const response = await routes.request('/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      upstreams: { sandbox: 'reachable', production: 'reachable' },
      limits: 'memory',
    });
  });

  it('GET /readyz stays 200 while limits fall back to memory because Redis is unreachable', async () => {
    const routes = healthRoutes({
      metrics: createMetrics(),
      readiness: () => checkReadiness({ sandbox: upstreamUrl, production: upstreamUrl }, 'memory-fallback'),
    });
    const response = await routes.request('/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', limits: 'memory-fallback' });
  });

  it('GET /readyz is 503 and names the upstream that cannot be reached', async () => {
    const unreachable = await closedPortUrl();
    const routes = healthRoutes({
      metrics: createMetrics(),
      readiness: () => checkReadiness({ sandbox: upstreamUrl, production: unreachable }, 'redis'),
    });
    const response = await routes.request('/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'not ready',
      upstreams: { sandbox: 'reachable', production: 'unreachable' },
      limits: 'redis',
    });
  });

  it('GET /metrics answers in Prometheus text format', async () => {
    const metrics = createMetrics();
    metrics.inFlight.inc();
    const routes = healthRoutes({
      metrics,
      readiness: () => checkReadiness({ sandbox: upstreamUrl, production: upstreamUrl }, 'memory'),
    });
    const response = await routes.request('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('text/plain; version=0.0.4');
    const text = await response.text();
    expect(text).toContain('# TYPE http_requests_total counter');
    expect(text).toContain('# TYPE upstream_request_duration_seconds histogram');
    expect(text).toContain('http_requests_in_flight 1');
  });
});
