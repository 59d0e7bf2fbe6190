import { Hono } from 'hono';
import type { Metrics } from './metrics';
import type { Readiness } from './readiness';

// Endpoints for orchestrators and monitoring. They answer without access control (probes and
// scrapers carry no user) and reveal no secret, token or user name. The app mounts them before
// access control for that reason.
export function healthRoutes(options: {
  metrics: Metrics;
  readiness: () => Promise<Readiness>;
  // The store of kept answers, when there is one: never makes the server unready (lookups work
  // without it).
  store?: () => 'ok' | 'degraded';
}): Hono {
  const routes = new Hono();

  // Liveness: the process is up and its event loop answers.
  routes.get('/healthz', (c) => c.json({ status: 'ok' }));

  // Readiness: worth sending traffic to (see readiness.ts).
  routes.get('/readyz', async (c) => {
    const readiness = await options.readiness();
    return c.json(
      {
        status: readiness.ready ? 'ready' : 'not ready',
        upstreams: readiness.upstreams,
        limits: readiness.limits,
        ...(options.store && { store: options.store() }),
      },
      readiness.ready ? 200 : 503,
    );
  });

  routes.get('/metrics', async (c) => {
    const body = await options.metrics.registry.metrics();
    return c.body(body, 200, { 'Content-Type': options.metrics.registry.contentType });
  });

  return routes;
}
