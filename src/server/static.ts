import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from './app-env';

// The built browser app (dist/client). Any other page path belongs to the single-page app, so it
// gets index.html; a missing file (a path with an extension) stays a 404 so that a stale asset
// fails loudly instead of arriving as HTML.
export function staticRoutes(clientDir: string): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.use('*', serveStatic({ root: clientDir, onFound: setCacheControl }));
  routes.get('*', async (c, next) => {
    const lastSegment = c.req.path.split('/').pop() ?? '';
    if (lastSegment.includes('.')) return c.text('Not found.', 404);
    return serveStatic({ root: clientDir, path: 'index.html', onFound: setCacheControl })(c, next);
  });
  routes.get('*', (c) =>
    c.text('The browser app has not been built yet: run `npm run build` (`npm start` does it for you).', 503),
  );

  return routes;
}

// Vite puts a content hash in every file name under assets/, so those never change; index.html
// must be revalidated so that a new build is picked up.
function setCacheControl(path: string, c: { header: (name: string, value: string) => void }): void {
  c.header(
    'Cache-Control',
    /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
}
