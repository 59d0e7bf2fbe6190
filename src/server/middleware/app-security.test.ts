import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { captureLogs } from '../testing/log-capture';
import { createLogger } from '../observability/logger';
import { fakeClientBuild } from '../testing/fake-client-build';
import { json, startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream';

// The security rules as the whole app applies them, in front of a real HTTP upstream on loopback
// that records whether anything reached it.

const TOKEN = 'link-sandbox-af1a0311-da53-4636-b754-dd15cc058176';
const clientBuild = fakeClientBuild();

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(async () => {
  await upstream.close();
  clientBuild.remove();
});
beforeEach(() => {
  upstream.requests.length = 0;
  upstream.answerWith(json(200, { link_token: TOKEN, request_id: 'plaid-req-7' }));
});

function appWith(env: Record<string, string> = {}, logs = captureLogs()) {
  const config = loadConfig({
    PLAID_UPSTREAM: 'plaid',
    PLAID_CLIENT_ID: 'server-client-id',
    PLAID_SECRET_SANDBOX: 'server-sandbox-secret',
    PLAID_SANDBOX_URL: upstream.url,
    PLAID_PRODUCTION_URL: upstream.url,
    ...env,
  });
  return createApp(
    { ...config, clientDir: clientBuild.dir },
    { logger: createLogger({ level: 'info', destination: logs.destination }) },
  );
}

function lookup(app: ReturnType<typeof appWith>, body: unknown, headers: Record<string, string> = {}) {
  return app.request('/api/link/token/get', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin', ...headers },
    body: JSON.stringify(body),
  });
}

async function expectProxyError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = await response.json();
  expect(body).toMatchObject({ error_type: 'PROXY_ERROR', error_code: code, status });
  // The request id of the answer, in the header and in the body alike.
  expect(body.request_id).toBe(response.headers.get('X-Request-Id'));
  expect(response.headers.get('Cache-Control')).toBe('no-store');
}

describe('the app refuses before anything reaches Plaid', () => {
  it('a cross-site lookup: 403 FORBIDDEN_ORIGIN', async () => {
    const response = await lookup(
      appWith(),
      { link_token: TOKEN },
      { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' },
    );
    await expectProxyError(response, 403, 'FORBIDDEN_ORIGIN');
    expect(upstream.requests).toHaveLength(0);
  });

  it('a lookup that is not JSON: 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await appWith().request('/api/link/token/get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `link_token=${TOKEN}`,
    });
    await expectProxyError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(upstream.requests).toHaveLength(0);
  });

  it('a body over 16 KB: 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await lookup(appWith(), { link_token: TOKEN, padding: 'x'.repeat(20_000) });
    await expectProxyError(response, 413, 'PAYLOAD_TOO_LARGE');
    expect(upstream.requests).toHaveLength(0);
  });

  it('credentials in the request while ALLOW_REQUEST_CREDENTIALS=false: 400 REQUEST_CREDENTIALS_DISABLED', async () => {
    const app = appWith({ ALLOW_REQUEST_CREDENTIALS: 'false' });
    const refused = await lookup(app, { link_token: TOKEN, client_id: 'their-id', secret: 'their-secret' });
    await expectProxyError(refused, 400, 'REQUEST_CREDENTIALS_DISABLED');
    expect(upstream.requests).toHaveLength(0);

    // Without them, the lookup uses the server's own credentials.
    const allowed = await lookup(app, { link_token: TOKEN });
    expect(allowed.status).toBe(200);
    expect(upstream.requests[0]?.headers['plaid-secret']).toBe('server-sandbox-secret');
  });
});

describe('no server-side request forgery', () => {
  it('sends lookups only to the configured upstream, whatever URL or host a request names', async () => {
    const elsewhere = await startFakeUpstream();
    const elsewhereHost = new URL(elsewhere.url).host;
    try {
      const app = appWith();
      const redirectedByHeaders = await lookup(
        app,
        { link_token: TOKEN },
        { Host: elsewhereHost, 'X-Forwarded-Host': elsewhereHost, Origin: elsewhere.url },
      );
      expect(redirectedByHeaders.status).toBe(200);
      await lookup(app, {
        link_token: TOKEN,
        url: elsewhere.url,
        base_url: elsewhere.url,
        host: elsewhereHost,
      });

      expect(elsewhere.requests).toHaveLength(0);
      expect(upstream.requests.length).toBeGreaterThanOrEqual(1);
      expect(upstream.requests.every((request) => request.path === '/link/token/get')).toBe(true);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('rate limits', () => {
  it('answers 429 RATE_LIMITED with Retry-After once a user exceeds RATE_LIMIT_PER_MINUTE', async () => {
    const app = appWith({ RATE_LIMIT_PER_MINUTE: '2' });
    expect((await lookup(app, { link_token: TOKEN })).status).toBe(200);
    expect((await app.request('/api/config')).status).toBe(200);
    const limited = await lookup(app, { link_token: TOKEN });
    await expectProxyError(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(upstream.requests).toHaveLength(1);
    // Pages and probes are not API calls and do not count.
    expect((await app.request('/')).status).toBe(200);
    expect((await app.request('/healthz')).status).toBe(200);
  });

  it("passes Plaid's own 429 through with Plaid's Retry-After", async () => {
    const plaidError = {
      error_type: 'RATE_LIMIT_EXCEEDED',
      error_code: 'RATE_LIMIT',
      error_message: 'rate limit exceeded',
      display_message: null,
      request_id: 'plaid-req-429',
    };
    upstream.answerWith(json(429, plaidError, { 'Retry-After': '17' }));
    const response = await lookup(appWith(), { link_token: TOKEN });
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe('17');
    expect(await response.json()).toEqual(plaidError);
  });
});

describe('access control in the app', () => {
  const users = `alice:${bcrypt.hashSync('alice-password', 10)}`;
  const alice = { Authorization: `Basic ${Buffer.from('alice:alice-password').toString('base64')}` };

  it('guards the pages and the API, and not the probes', async () => {
    const app = appWith({ HOST: '0.0.0.0', ALLOWED_HOSTS: 'inspector.example.com', AUTH_USERS: users });
    for (const path of ['/', '/api/config']) {
      const response = await app.request(path);
      expect(response.status).toBe(401);
      expect(response.headers.get('WWW-Authenticate')).toContain('Basic');
      expect(response.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    }
    await expectProxyError(await lookup(app, { link_token: TOKEN }), 401, 'UNAUTHORIZED');
    expect(upstream.requests).toHaveLength(0);
    for (const path of ['/healthz', '/readyz', '/metrics'])
      expect((await app.request(path)).status).toBe(200);
  });

  it('attributes each lookup to the signed-in user in the audit log', async () => {
    const logs = captureLogs();
    const app = appWith({ HOST: '0.0.0.0', ALLOWED_HOSTS: 'inspector.example.com', AUTH_USERS: users }, logs);
    expect((await app.request('/', { headers: alice })).status).toBe(200);
    const response = await lookup(app, { link_token: TOKEN }, alice);
    expect(response.status).toBe(200);
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({
        msg: 'lookup',
        user: 'alice',
        request_id: response.headers.get('X-Request-Id'),
        link_token: TOKEN,
        environment: 'sandbox',
        credentials: 'server',
        upstream_status: 200,
        plaid_request_id: 'plaid-req-7',
      }),
    );
  });

  it('attributes lookups to "local" on loopback without access control', async () => {
    const logs = captureLogs();
    await lookup(appWith({}, logs), { link_token: TOKEN });
    expect(logs.lines()).toContainEqual(expect.objectContaining({ msg: 'lookup', user: 'local' }));
  });
});

describe('headers on every answer', () => {
  it('the page, an API error and a lookup all carry the security headers', async () => {
    const app = appWith();
    const answers = [
      await app.request('/'),
      await app.request('/api/nothing-here'),
      await lookup(app, { link_token: TOKEN }),
    ];
    for (const response of answers) {
      expect(response.headers.get('Content-Security-Policy')).toMatch(
        /script-src 'self'.*frame-ancestors 'none'/,
      );
      expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(response.headers.get('Strict-Transport-Security')).toBeNull();
      expect(response.headers.get('X-Request-Id')).toMatch(/^[\w-]+$/);
    }
    // The lookup keeps the route's Server-Timing.
    expect(answers[2]?.headers.get('Server-Timing')).toMatch(
      /^upstream;dur=[\d.]+,total;dur=[\d.]+;desc="Total Response Time"$/,
    );
  });
});

describe('observability endpoints in the app', () => {
  it('GET /metrics counts the lookups the app answered', async () => {
    const app = appWith();
    await lookup(app, { link_token: TOKEN });
    const text = await (await app.request('/metrics')).text();
    expect(text).toContain(
      'http_requests_total{method="POST",route="/api/link/token/get",status="200",environment="sandbox"} 1',
    );
    expect(text).toContain('upstream_request_duration_seconds_count{environment="sandbox"} 1');
  });

  it('GET /readyz checks the configured upstreams and says limits are counted in memory', async () => {
    const response = await appWith().request('/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      upstreams: { sandbox: 'reachable', production: 'reachable' },
      limits: 'memory',
    });
  });
});
