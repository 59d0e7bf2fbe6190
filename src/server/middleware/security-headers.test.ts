import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { securityHeaders, strictTransport } from './security-headers';
import { trustedProxyList } from './trusted-proxies';

function appTrusting(trustedProxies: string[]) {
  const app = new Hono();
  app.use(securityHeaders());
  app.use(strictTransport(trustedProxyList(trustedProxies)));
  app.get('/', (c) => c.html('<!doctype html><title>x</title>'));
  app.get('/timed', (c) => c.json({}, 200, { 'Server-Timing': 'upstream;dur=12, proxy;dur=1' }));
  app.get('/boom', () => {
    throw new Error('boom');
  });
  app.onError((_error, c) => c.text('failed', 500));
  return app;
}

describe('security headers', () => {
  it('sends a CSP without inline script, that forbids framing, and the other headers', async () => {
    const response = await appTrusting([]).request('/');
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(' ');
        return [name, values.join(' ')];
      }),
    );
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self'");
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('X-Frame-Options')).toBe('DENY');
  });

  it('also sets them on error answers and keeps the Server-Timing header', async () => {
    const app = appTrusting([]);
    const failed = await app.request('/boom');
    expect(failed.status).toBe(500);
    expect(failed.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    const timed = await app.request('/timed');
    expect(timed.headers.get('Server-Timing')).toBe('upstream;dur=12, proxy;dur=1');
  });

  it('sends no HSTS over plain http, nor when X-Forwarded-Proto comes from an untrusted client', async () => {
    expect((await appTrusting([]).request('/')).headers.get('Strict-Transport-Security')).toBeNull();
    const spoofed = await appTrusting(['127.0.0.1']).request('/', {
      headers: { 'X-Forwarded-Proto': 'https' },
    });
    expect(spoofed.headers.get('Strict-Transport-Security')).toBeNull();
  });

  describe('behind a TLS-terminating proxy', () => {
    let server: ServerType | undefined;
    afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

    async function listen(trustedProxies: string[]): Promise<string> {
      const app = appTrusting(trustedProxies);
      return new Promise((resolve) => {
        server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
          resolve(`http://127.0.0.1:${info.port}/`),
        );
      });
    }

    it('sends HSTS when a trusted proxy says the browser used https', async () => {
      const url = await listen(['127.0.0.1']);
      const response = await fetch(url, { headers: { 'X-Forwarded-Proto': 'https' } });
      expect(response.headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains');
      const plain = await fetch(url, { headers: { 'X-Forwarded-Proto': 'http' } });
      expect(plain.headers.get('Strict-Transport-Security')).toBeNull();
    });

    it('ignores X-Forwarded-Proto from an address that is not a trusted proxy', async () => {
      const url = await listen(['10.0.0.7']);
      const response = await fetch(url, { headers: { 'X-Forwarded-Proto': 'https' } });
      expect(response.headers.get('Strict-Transport-Security')).toBeNull();
    });
  });
});
