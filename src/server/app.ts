import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { MiddlewareHandler } from 'hono';
import { API_PATHS } from '../shared/api-paths';
import { QA_PROFILE_IMPORT_MAX_BYTES } from '../shared/checks/qa-profile-api';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import type { AppEnv } from './app-env';
import { apiKeyGuard, requireApiKey } from './auth/api-keys';
import type { Config } from './config';
import { memoryCounters, redisCounters, type Counters } from './counters/counters';
import { accessControl } from './middleware/access-control';
import { allowedHostsOnly } from './middleware/allowed-hosts';
import { bodySizeLimit } from './middleware/body-size-limit';
import { jsonOnly } from './middleware/json-only';
import { rateLimit } from './middleware/rate-limit';
import { sameOriginOnly } from './middleware/same-origin';
import { securityHeaders, strictTransport } from './middleware/security-headers';
import { apiKeysRoutes } from './routes/api-keys';
import { checksRoute } from './routes/checks';
import type { Recorder } from './recorder/recorder';
import { recordingsRoutes } from './routes/recordings';
import { mcpRoute, userOrApiKey } from './mcp/mcp-route';
import { healthRoutes } from './observability/health-routes';
import { createLogger } from './observability/logger';
import { createMetrics, measureBytesInFlight, metricsMiddleware } from './observability/metrics';
import { cachedReadiness } from './observability/readiness';
import { requestLogger } from './observability/request-logger';
import { respondWithInternalError, respondWithProxyError } from './proxy-error-response';
import { institutionsGetByIdRoute } from './routes/institutions-get-by-id';
import { historyRoutes } from './routes/history';
import { keptRoutes } from './routes/kept';
import { linkTokenGetRoute } from './routes/link-token-get';
import { plaidWebhookRoute } from './routes/plaid-webhook';
import { qaProfilesRoutes } from './routes/qa-profiles';
import { serverInfoRoute } from './routes/server-info';
import { simulatorTokensRoute } from './routes/simulator-tokens';
import { staticRoutes } from './static';
import type { Store } from './store/store';
import { createBytesInFlight, type BytesInFlight } from './upstream/bytes-in-flight';
import { fetchKeyFromPlaid } from './webhooks/fetch-plaid-key';
import { createWebhookKeys } from './webhooks/webhook-keys';

// The whole server as one Hono app, built from configuration alone so that tests can drive it
// in-process with app.request(). main.ts only reads the environment and listens. Tests pass a
// logger writing to memory to read what was logged. Beside the app comes close(): the one thing
// that outlives requests is the Redis connection when REDIS_URL is set (main.ts closes it at
// shutdown, tests that set REDIS_URL when they are done).
export function createApp(
  config: Config,
  options: { logger?: Logger; store?: Store; recorder?: Recorder } = {},
) {
  const app = new Hono<AppEnv>();
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const bytesInFlight = createBytesInFlight(config.plaid.maxBytesInFlight);
  const metrics = createMetrics();
  measureBytesInFlight(metrics, bytesInFlight);
  options.store?.registerMetrics(metrics.registry);
  options.recorder?.registerMetrics(metrics.registry);
  const { access, allowedHosts, trustedProxies, rateLimitPerMinute } = config.security;
  // Where the rate limit and the sign-in throttle count: one Redis for every instance, or memory.
  const counters = config.redisUrl ? redisCounters(config.redisUrl, logger) : memoryCounters();

  // Middleware runs in the order registered. Every answer carries an X-Request-Id (our error
  // bodies repeat it as request_id), is logged and counted, and gets the security headers.
  app.use(requestId());
  app.use(requestLogger(logger));
  app.use(metricsMiddleware(metrics));
  app.use(securityHeaders());
  app.use(strictTransport(trustedProxies));
  // API answers describe live state and may name credentials in use: never cached anywhere. Set
  // this early so that refusals by the guards below carry it too.
  const noStore = createMiddleware(async (c, next) => {
    await next();
    // Through c.res.headers, not c.header(): after next() the latter rebuilds the whole Response.
    c.res.headers.set('Cache-Control', 'no-store');
  });
  app.use('/api/*', noStore);
  app.use('/mcp', noStore);

  // Registered before access control, so probes and scrapers need no user.
  app.route(
    '/',
    healthRoutes({
      metrics,
      readiness: cachedReadiness(config.plaid.urls, () => counters.place()),
      store: options.store && (() => options.store!.health()),
    }),
  );

  // Plaid's webhooks come with no user and from no browser: they are believed only when Plaid
  // signed them, and answer before the host, user and same-origin checks below. The same route
  // can also have a port of its own (webhookApp(), WEBHOOK_PORT).
  app.route('/api/webhooks/plaid', webhookRoute(config, bytesInFlight, counters, options.store));

  // Everything below answers only to this server's own names (middleware/allowed-hosts.ts) and,
  // the app's own pages included, needs a user (middleware/access-control.ts).
  app.use(allowedHostsOnly(allowedHosts));
  // For machine clients with an API key instead of a user: before the sign-in (auth/api-keys.ts).
  const apiKeys = apiKeyGuard(options.store, counters, trustedProxies);
  app.route('/api/recordings', recordingsRoutes(config, options.store, apiKeys, counters));
  const signIn = accessControl(access, trustedProxies, counters);
  const limit = rateLimit(rateLimitPerMinute, counters);

  // The MCP endpoint for AI assistants (docs/mcp.md), ahead of the user sign-in because it also
  // takes an API key scoped mcp (auth/api-keys.ts); then the API's own guards.
  app.use('/mcp', userOrApiKey(signIn, requireApiKey(apiKeys, 'mcp')), limit);
  app.on('POST', '/mcp', sameOriginOnly(allowedHosts), jsonOnly(), bodySizeLimit());
  app.route('/mcp', mcpRoute(config, bytesInFlight, options.store));

  // QA checks from CI (routes/checks.ts): an API key scoped checks:run, or a signed-in user.
  app.use(API_PATHS.checks, userOrApiKey(signIn, requireApiKey(apiKeys, 'checks:run')), limit);
  app.on('POST', API_PATHS.checks, sameOriginOnly(allowedHosts), jsonOnly(), bodySizeLimit());
  app.route(API_PATHS.checks, checksRoute(config, bytesInFlight, options.store));

  app.use(signIn);
  app.use('/api/*', limit);
  app.on(
    'POST',
    '/api/*',
    sameOriginOnly(allowedHosts),
    jsonOnly(),
    bodyLimitFor(API_PATHS.qaProfilesImport),
  );
  app.on('DELETE', '/api/kept', sameOriginOnly(allowedHosts), jsonOnly(), bodySizeLimit());
  app.on('DELETE', '/api/keys/*', sameOriginOnly(allowedHosts));
  app.on(['PUT', 'DELETE'], '/api/qa-profiles/*', sameOriginOnly(allowedHosts));
  app.on('PUT', '/api/qa-profiles/*', jsonOnly(), bodySizeLimit());

  // The API's routes, chained so that their types add up to AppType; the registrations above and
  // below shape no answer type a client would read.
  apiRoutes(app, config, bytesInFlight, options.store);
  app.all('/api/*', (c) =>
    respondWithProxyError(c, 'NOT_FOUND', `There is no API endpoint ${c.req.method} ${c.req.path}.`),
  );

  app.route('/', staticRoutes(config.clientDir));

  // Each route answers its own expected errors (the Plaid routes: a body that is not JSON); what
  // reaches here is unexpected.
  app.onError((error, c) => respondWithInternalError(c, error));

  return Object.assign(app, { close: () => counters.close() });
}

export type App = ReturnType<typeof createApp>;

// WEBHOOK_PORT: POST /api/webhooks/plaid and nothing else, so that only it need face the internet.
export function createWebhookApp(config: Config, options: { logger?: Logger; store?: Store } = {}) {
  const app = new Hono<AppEnv>();
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const counters = config.redisUrl ? redisCounters(config.redisUrl, logger) : memoryCounters();
  app.use(requestId());
  app.use(requestLogger(logger));
  app.use(securityHeaders());
  app.use('/api/*', async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  });
  const bytesInFlight = createBytesInFlight(config.plaid.maxBytesInFlight);
  app.route('/api/webhooks/plaid', webhookRoute(config, bytesInFlight, counters, options.store));
  app.all('*', (c) =>
    respondWithProxyError(
      c,
      'NOT_FOUND',
      `This port serves only POST /api/webhooks/plaid, not ${c.req.method} ${c.req.path}.`,
    ),
  );
  app.onError((error, c) => respondWithInternalError(c, error));
  return Object.assign(app, { close: () => counters.close() });
}

// The API's usual body limit, but a QA profiles import file may hold many profiles.
function bodyLimitFor(importPath: string): MiddlewareHandler {
  const usual = bodySizeLimit();
  const importFile = bodySizeLimit(QA_PROFILE_IMPORT_MAX_BYTES);
  return (c, next) => (c.req.path === importPath ? importFile(c, next) : usual(c, next));
}

function webhookRoute(config: Config, bytesInFlight: BytesInFlight, counters: Counters, store?: Store) {
  const keys = createWebhookKeys({ fetchKey: fetchKeyFromPlaid(config, bytesInFlight) });
  return plaidWebhookRoute({ config, store, counters, keys });
}

function apiRoutes(app: Hono<AppEnv>, config: Config, bytesInFlight: BytesInFlight, store?: Store) {
  return app
    .route('/api/config', serverInfoRoute(config))
    .route('/api/link/token/get', linkTokenGetRoute(config, bytesInFlight, store))
    .route('/api/kept', keptRoutes(config, store))
    .route('/api/keys', apiKeysRoutes(config, store))
    .route('/api/history', historyRoutes(config, store))
    .route(API_PATHS.qaProfiles, qaProfilesRoutes(store))
    .route('/api/institutions/get_by_id', institutionsGetByIdRoute(config, bytesInFlight))
    .route('/api/simulator/tokens', simulatorTokensRoute(config));
}

// The API's routes, bodies and answers, for a typed client (hono/client).
export type AppType = ReturnType<typeof apiRoutes>;
