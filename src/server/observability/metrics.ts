import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import type { BytesInFlight } from '../upstream/bytes-in-flight';
import type { LookupVariables } from './lookup-facts';

// Prometheus instruments. Each app gets its own Registry, so apps built side by side (tests) never
// share or collide on counters. Labels hold route patterns, never tokens, users or paths typed by
// clients, so their number stays small.
export type Metrics = {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status' | 'environment'>;
  upstreamDuration: Histogram<'environment'>;
  inFlight: Gauge;
};

export function createMetrics(): Metrics {
  const registry = new Registry();
  return {
    registry,
    requests: new Counter({
      name: 'http_requests_total',
      help: 'Requests answered, by route pattern, status and Plaid environment (none: not a lookup).',
      labelNames: ['method', 'route', 'status', 'environment'],
      registers: [registry],
    }),
    upstreamDuration: new Histogram({
      name: 'upstream_request_duration_seconds',
      help: 'Time Plaid (or the simulator) took to answer a lookup.',
      labelNames: ['environment'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers: [registry],
    }),
    inFlight: new Gauge({
      name: 'http_requests_in_flight',
      help: 'Requests being handled right now.',
      registers: [registry],
    }),
  };
}

export function metricsMiddleware(metrics: Metrics) {
  return createMiddleware<{ Variables: LookupVariables }>(async (c, next) => {
    metrics.inFlight.inc();
    try {
      await next();
    } finally {
      metrics.inFlight.dec();
    }
    const lookup = c.get('lookup');
    const environment = lookup?.environment ?? 'none';
    // After next(), routePath names the pattern of the handler that answered (e.g. "*" for the
    // static files), not the path the client sent.
    metrics.requests.inc({
      method: c.req.method,
      route: routePath(c),
      status: String(c.res.status),
      environment,
    });
    if (lookup?.upstream)
      metrics.upstreamDuration.observe({ environment }, lookup.upstream.durationMs / 1000);
  });
}

// How close the answers being read are to UPSTREAM_MAX_BYTES_IN_FLIGHT, read when scraped.
export function measureBytesInFlight(metrics: Metrics, bytesInFlight: BytesInFlight): void {
  new Gauge({
    name: 'upstream_answer_bytes_in_flight',
    help: 'Bytes of upstream answers being read right now (bounded by UPSTREAM_MAX_BYTES_IN_FLIGHT).',
    registers: [metrics.registry],
    collect() {
      this.set(bytesInFlight.inUse());
    },
  });
}
