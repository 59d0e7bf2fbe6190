import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { closedPortUrl, json, startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream';
import { healthRoutes } from './health-routes';
import { createMetrics } from './metrics';
import { cachedReadiness } from './readiness';

// A real upstream on loopback that answers anything, like Plaid answering a request without
// credentials with an error.
let upstream: FakeUpstream;
let upstreamUrl: string;
beforeAll(async () => {
  upstream = await startFakeUpstream();
  upstream.answerWith(json(404, { error_code: 'NOT_FOUND' }));
  upstreamUrl = upstream.url;
});
afterAll(() => upstream.close());

describe('health routes', () => {
  it('GET /healthz says the process is alive', async () => {
    const routes = healthRoutes({
      metrics: createMetrics(),
      readiness: () => cachedReadiness({ sandbox: upstreamUrl, production: upstreamUrl }, () => 'memory')(),
    });
    const response = await routes.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz is 200 when every upstream answers HTTP, and says where limits are counted', async () => {
    const routes = healthRoutes({
      metrics: createMetrics(),
      readiness: () => cachedReadiness({ sandbox: upstreamUrl, production: upstreamUrl }, () => 'memory')(),
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
      readiness: () =>
        cachedReadiness({ sandbox: upstreamUrl, production: upstreamUrl }, () => 'memory-fallback')(),
    });
    const response = await routes.request('/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', limits: 'memory-fallback' });
  });

  it('GET /readyz is 503 and names the upstream that cannot be reached', async () => {
    const unreachable = await closedPortUrl();
    const routes = healthRoutes({
      metrics: createMetrics(),
      readiness: () => cachedReadiness({ sandbox: upstreamUrl, production: unreachable }, () => 'redis')(),
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
      readiness: () => cachedReadiness({ sandbox: upstreamUrl, production: upstreamUrl }, () => 'memory')(),
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

describe('GET /readyz in the app', () => {
  let plaid: FakeUpstream;
  let elsewhere: FakeUpstream;
  beforeAll(async () => {
    [plaid, elsewhere] = await Promise.all([startFakeUpstream(), startFakeUpstream()]);
  });
  afterAll(() => Promise.all([plaid.close(), elsewhere.close()]));

  function appProbing(url: string) {
    return createApp(
      loadConfig({
        PLAID_UPSTREAM: 'plaid',
        LOG_LEVEL: 'silent',
        PLAID_SANDBOX_URL: url,
        PLAID_PRODUCTION_URL: url,
      }),
    );
  }

  it('counts a redirect as reachable and does not follow it', async () => {
    plaid.answerWith(json(302, '', { Location: `${elsewhere.url}/somewhere` }));
    const response = await appProbing(plaid.url).request('/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      upstreams: { sandbox: 'reachable', production: 'reachable' },
    });
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('asks the upstreams once for probes that come within a few seconds', async () => {
    plaid.answerWith(json(404, { error_code: 'NOT_FOUND' }));
    plaid.requests.length = 0;
    const app = appProbing(plaid.url);
    const answers = await Promise.all([app.request('/readyz'), app.request('/readyz')]);
    expect((await app.request('/readyz')).status).toBe(200);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    // One call per environment (both point at the same upstream here), not one per probe.
    expect(plaid.requests).toHaveLength(2);
  });
});
