import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from './app-env';

// The built browser app (dist/client). Any other page path belongs to the single-page app, so it
// gets index.html; a missing file (a path with an extension) stays a 404 so that a stale asset
// fails loudly instead of arriving as HTML.
export function staticRoutes(clientDir: string): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const indexHtml = serveStatic<AppEnv>({ root: clientDir, path: 'index.html' });

  // Vite puts a content hash in every file name under /assets/, so those never change; anything
  // else must be revalidated so that a new build is picked up. The page itself is never stored:
  // its address may carry a token, or credentials someone put there, and a stored copy would be
  // found again under it.
  routes.use('*', async (c, next) => {
    await next();
    if (c.res.ok) c.header('Cache-Control', cacheControl(c.req.path, c.res.headers.get('Content-Type')));
  });
  routes.use('*', serveStatic({ root: clientDir }));
  routes.get('*', async (c, next) => {
    const lastSegment = c.req.path.split('/').pop() ?? '';
    if (lastSegment.includes('.')) return c.text('Not found.', 404);
    return indexHtml(c, next);
  });
  routes.get('*', (c) =>
    c.text('The browser app has not been built yet: run `npm run build` (`npm start` does it for you).', 503),
  );

  return routes;
}

function cacheControl(path: string, contentType: string | null): string {
  if (path.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return contentType?.startsWith('text/html') ? 'no-store' : 'no-cache';
}
