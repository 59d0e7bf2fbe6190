import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { isTrustedProxy } from './peer-address';
import type { TrustedProxies } from './trusted-proxies';

// The built app is plain files: one module script and one stylesheet, no inline script or style
// (Vite emits none; React sets style props through the DOM, which CSP does not restrict). So the
// policy allows our own origin only, and nothing may frame the page.
export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    // The same rule as frame-ancestors 'none', for browsers that predate CSP's.
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    // Sent by strictTransport() below, and only over https: HSTS on a plain-http answer is ignored
    // by browsers at best and misleading at worst.
    strictTransportSecurity: false,
  });
}

const HSTS = 'max-age=31536000; includeSubDomains';

// We serve plain http; https ends at a reverse proxy in front of us. Its X-Forwarded-Proto is
// believed only from the addresses in TRUSTED_PROXIES, since any client could send the header.
export function strictTransport(trustedProxies: TrustedProxies) {
  return createMiddleware(async (c, next) => {
    await next();
    const https =
      c.req.url.startsWith('https:') ||
      (c.req.header('X-Forwarded-Proto') === 'https' && isTrustedProxy(c, trustedProxies));
    if (https) c.res.headers.set('Strict-Transport-Security', HSTS);
  });
}
