import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { AppEnv } from './app-env';
import type { Config } from './config';
import { respondWithProxyError } from './proxy-error-response';
import { linkTokenGetRoute } from './routes/link-token-get';
import { serverInfoRoute } from './routes/server-info';
import { simulatorTokensRoute } from './routes/simulator-tokens';
import { staticRoutes } from './static';

// The whole server as one Hono app, built from configuration alone so that tests can drive it
// in-process with app.request(). main.ts only reads the environment and listens.
export function createApp(config: Config): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // Every answer carries an X-Request-Id; our error bodies repeat it as request_id.
  app.use(requestId());

  // API answers describe live state and may name credentials in use: never cached anywhere.
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.route('/api/config', serverInfoRoute(config));
  app.route('/api/link/token/get', linkTokenGetRoute(config));
  app.route('/api/simulator/tokens', simulatorTokensRoute(config));
  app.all('/api/*', (c) =>
    respondWithProxyError(c, 'NOT_FOUND', `There is no API endpoint ${c.req.method} ${c.req.path}.`),
  );

  app.route('/', staticRoutes(config.clientDir));

  // The stack goes to the server's output, never to the caller.
  app.onError((error, c) => {
    console.error(error);
    return respondWithProxyError(
      c,
      'INTERNAL_ERROR',
      'Something went wrong inside the Link Token Inspector server. Try again; if it keeps happening, give its operator the request_id.',
    );
  });

  return app;
}
