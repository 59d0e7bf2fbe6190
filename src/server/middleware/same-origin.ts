import { createMiddleware } from 'hono/factory';
import { respondWithProxyError } from '../proxy-error-response';
import { hostNameOf, isAllowedHostName, type AllowedHosts } from './allowed-hosts';
import type { SecurityVariables } from './context';

// Cross-site request forgery guard for state-changing API calls. A browser labels every request
// with Sec-Fetch-Site (all current browsers) and every cross-origin POST with Origin, and a web
// page cannot forge either. So:
// - Sec-Fetch-Site present: only same-origin (our own page) or none (typed by the user) pass;
// - otherwise Origin present: it must name one of the hosts this server answers to (not merely the
//   Host header, which a DNS-rebinding page controls and a reverse proxy may rewrite);
// - neither present: the request did not come from a browser page (curl, scripts). It carries no
//   browser session to abuse and still has to pass access control, so it is allowed.
export function sameOriginOnly(allowedHosts: AllowedHosts) {
  return createMiddleware<{ Variables: SecurityVariables }>(async (c, next) => {
    const site = c.req.header('Sec-Fetch-Site');
    const origin = c.req.header('Origin');
    const allowed =
      site !== undefined
        ? site === 'same-origin' || site === 'none'
        : origin === undefined || isAllowedOrigin(origin, allowedHosts);
    if (!allowed) {
      return respondWithProxyError(
        c,
        'FORBIDDEN_ORIGIN',
        'This API only answers pages served by this server; requests from other sites are refused.',
      );
    }
    await next();
  });
}

function isAllowedOrigin(origin: string, allowedHosts: AllowedHosts): boolean {
  // Origin "null" (sandboxed frames, file: pages) and anything unparsable match no host.
  try {
    return isAllowedHostName(hostNameOf(new URL(origin).host), allowedHosts);
  } catch {
    return false;
  }
}
