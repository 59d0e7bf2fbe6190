import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../observability/logger';
import { captureLogs } from '../testing/log-capture';
import { closedPortUrl, json, startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream';

// POST /api/link/token/get in-process, against real HTTP upstreams on loopback: one for sandbox,
// one for production, so each test can see which environment a lookup went to.

const SANDBOX_TOKEN = 'link-sandbox-af1a0311-da53-4636-b754-dd15cc058176';
const PRODUCTION_TOKEN = 'link-production-84020400-3c1f-4a5e-b7a6-4d8e4f3c5d11';
const UUID = 'af1a0311-da53-4636-b754-dd15cc058176';

let sandbox: FakeUpstream;
let production: FakeUpstream;

beforeAll(async () => {
  [sandbox, production] = await Promise.all([startFakeUpstream(), startFakeUpstream()]);
});
afterAll(async () => {
  await Promise.all([sandbox.close(), production.close()]);
});
beforeEach(() => {
  for (const upstream of [sandbox, production]) {
    upstream.requests.length = 0;
    upstream.answerWith(json(200, { link_token: 'from-upstream', request_id: 'plaid-req-1' }));
  }
});

function appWith(env: Record<string, string> = {}) {
  const config = loadConfig({
    PLAID_UPSTREAM: 'plaid',
    LOG_LEVEL: 'silent',
    PLAID_CLIENT_ID: 'server-client-id',
    PLAID_SECRET_SANDBOX: 'server-sandbox-secret',
    PLAID_SECRET_PRODUCTION: 'server-production-secret',
    PLAID_SANDBOX_URL: sandbox.url,
    PLAID_PRODUCTION_URL: production.url,
    ...env,
  });
  return createApp({ ...config, clientDir: 'src/server/testing' });
}

function lookup(app: ReturnType<typeof appWith>, body: unknown, init: RequestInit = {}) {
  return app.request('/api/link/token/get', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: init.signal ?? null,
  });
}

describe('passing Plaid through', () => {
  it("returns Plaid's success status and body byte for byte", async () => {
    const body = '{"link_token":  "x", "request_id":"r1",\n "unknown_field": [1, 2.50]}';
    sandbox.answerWith(json(200, body));
    const response = await lookup(appWith(), { link_token: SANDBOX_TOKEN });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(await response.text()).toBe(body);
  });

  it("returns a Plaid error with Plaid's status and body unchanged", async () => {
    const plaidError = {
      error_type: 'INVALID_INPUT',
      error_code: 'INVALID_LINK_TOKEN',
      error_message: 'provided link token is in an invalid format',
      display_message: null,
      request_id: 'plaid-req-2',
    };
    sandbox.answerWith(json(400, plaidError));
    const response = await lookup(appWith(), { link_token: SANDBOX_TOKEN });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(plaidError);
  });

  it("passes Plaid's 429 on with its Retry-After, without retrying", async () => {
    sandbox.answerWith(
      json(
        429,
        {
          error_type: 'RATE_LIMIT_EXCEEDED',
          error_code: 'RATE_LIMIT',
          error_message: 'slow down',
          display_message: null,
        },
        {
          'Retry-After': '17',
        },
      ),
    );
    const response = await lookup(appWith(), { link_token: SANDBOX_TOKEN });
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe('17');
    expect((await response.json()).error_code).toBe('RATE_LIMIT');
    expect(sandbox.requests).toHaveLength(1);
  });

  it('sends only the credential headers, the API version and the link_token', async () => {
    await lookup(
      appWith(),
      { link_token: SANDBOX_TOKEN },
      { headers: { Cookie: 'session=abc', Authorization: 'Basic dXNlcjpwYXNz', 'X-Custom': 'nope' } },
    );
    expect(sandbox.requests).toHaveLength(1);
    const [request] = sandbox.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/link/token/get' });
    expect(request!.headers).toMatchObject({
      'content-type': 'application/json',
      'plaid-client-id': 'server-client-id',
      'plaid-secret': 'server-sandbox-secret',
      'plaid-version': '2020-09-14',
    });
    // Nothing of the browser's request travels on: only what fetch itself adds besides ours.
    const fetchOwn = ['host', 'connection', 'content-length', 'accept', 'accept-language', 'accept-encoding'];
    const allowed = [
      ...fetchOwn,
      'sec-fetch-mode',
      'user-agent',
      'content-type',
      'plaid-client-id',
      'plaid-secret',
      'plaid-version',
    ];
    expect(Object.keys(request!.headers).filter((name) => !allowed.includes(name))).toEqual([]);
    expect(JSON.parse(request!.body)).toEqual({ link_token: SANDBOX_TOKEN });
  });

  it('sends the token in canonical form (trimmed, lower-case)', async () => {
    await lookup(appWith(), { link_token: `  link-sandbox-${UUID.toUpperCase()}\n` });
    expect(JSON.parse(sandbox.requests[0]!.body)).toEqual({ link_token: SANDBOX_TOKEN });
  });

  it('reuses the upstream connection across lookups', async () => {
    const app = appWith();
    const before = sandbox.connectionCount();
    for (let i = 0; i < 3; i++) await lookup(app, { link_token: SANDBOX_TOKEN });
    expect(sandbox.requests).toHaveLength(3);
    expect(sandbox.connectionCount() - before).toBeLessThanOrEqual(1);
  });

  it('tells how long Plaid took and how long we took, and forbids caching', async () => {
    sandbox.answerWith((request, res, req) =>
      setTimeout(() => json(200, { request_id: 'r' })(request, res, req), 50),
    );
    const response = await lookup(appWith(), { link_token: SANDBOX_TOKEN });
    const timing = response.headers.get('Server-Timing');
    expect(timing).toMatch(/^upstream;dur=\d+\.\d,total;dur=\d+\.\d;desc="Total Response Time"$/);
    const upstreamMs = Number(/upstream;dur=([\d.]+)/.exec(timing!)![1]);
    expect(upstreamMs).toBeGreaterThanOrEqual(45);
    expect(Number(/total;dur=([\d.]+)/.exec(timing!)![1])).toBeGreaterThanOrEqual(upstreamMs);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
  });
});

describe('choosing the environment and credentials', () => {
  it("uses the server's production secret and URL for a production token", async () => {
    const response = await lookup(appWith(), { link_token: PRODUCTION_TOKEN });
    expect(response.status).toBe(200);
    expect(sandbox.requests).toHaveLength(0);
    expect(production.requests[0]!.headers).toMatchObject({
      'plaid-client-id': 'server-client-id',
      'plaid-secret': 'server-production-secret',
    });
  });

  it("prefers the request's credentials to the server's, and keeps them out of the body", async () => {
    await lookup(appWith(), {
      link_token: PRODUCTION_TOKEN,
      client_id: 'user-client-id',
      secret: 'user-secret',
    });
    const [request] = production.requests;
    expect(request!.headers).toMatchObject({
      'plaid-client-id': 'user-client-id',
      'plaid-secret': 'user-secret',
    });
    expect(JSON.parse(request!.body)).toEqual({ link_token: PRODUCTION_TOKEN });
  });

  it('answers MISSING_CREDENTIALS, saying how to give them, when there are none', async () => {
    const app = appWith({ PLAID_CLIENT_ID: '', PLAID_SECRET_SANDBOX: '', PLAID_SECRET_PRODUCTION: '' });
    const response = await lookup(app, { link_token: SANDBOX_TOKEN });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ error_type: 'PROXY_ERROR', error_code: 'MISSING_CREDENTIALS', status: 400 });
    expect(body.error_message).toContain('"Credentials"');
    expect(body.error_message).toContain('PLAID_SECRET_SANDBOX');
    expect(sandbox.requests).toHaveLength(0);
  });

  it('answers MISSING_CREDENTIALS for an environment the server holds no secret for', async () => {
    const response = await lookup(appWith({ PLAID_SECRET_PRODUCTION: '' }), { link_token: PRODUCTION_TOKEN });
    expect(response.status).toBe(400);
    expect((await response.json()).error_message).toContain('PLAID_SECRET_PRODUCTION');
    expect(production.requests).toHaveLength(0);
  });
});

describe('refusing requests before any upstream call', () => {
  it.each([
    ['not a token at all', { link_token: 'hello' }, 'MALFORMED_LINK_TOKEN', /not a link token/],
    ['an empty token', { link_token: '   ' }, 'MALFORMED_LINK_TOKEN', /Paste a link token/],
    ['a public token', { link_token: `public-sandbox-${UUID}` }, 'WRONG_TOKEN_TYPE', /public_token/],
    ['an access token', { link_token: `access-production-${UUID}` }, 'WRONG_TOKEN_TYPE', /access_token/],
    ['a development token', { link_token: `link-development-${UUID}` }, 'ENVIRONMENT_RETIRED', /retired/],
    ['a token that is not a string', { link_token: 42 }, 'INVALID_BODY', /link_token/],
    ['a body without link_token', {}, 'INVALID_BODY', /link_token/],
    ['a body that is not JSON', 'link_token=abc', 'INVALID_BODY', /JSON object/],
    [
      'a client_id without secret',
      { link_token: SANDBOX_TOKEN, client_id: 'c' },
      'INCOMPLETE_CREDENTIALS',
      /both/,
    ],
  ])('answers 400 for %s', async (_name, body, code, message) => {
    const response = await lookup(appWith(), body);
    expect(response.status).toBe(400);
    const error = await response.json();
    expect(error).toMatchObject({ error_type: 'PROXY_ERROR', error_code: code, display_message: null });
    expect(error.error_message).toMatch(message);
    expect(error.request_id).toBe(response.headers.get('X-Request-Id'));
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(response.headers.get('Server-Timing')).toMatch(/^total;dur=[\d.]+;desc="Total Response Time"$/);
    expect(sandbox.requests.length + production.requests.length).toBe(0);
  });

  it('never echoes a pasted access token', async () => {
    const accessToken = `access-sandbox-${UUID}`;
    const response = await lookup(appWith(), { link_token: accessToken });
    expect(await response.text()).not.toContain(accessToken);
  });
});

describe('upstream failures', () => {
  it('answers UPSTREAM_TIMEOUT (504) when Plaid does not answer in time', async () => {
    sandbox.answerWith(() => {
      // Never answers.
    });
    const started = performance.now();
    const response = await lookup(appWith({ PLAID_TIMEOUT_MS: '300' }), { link_token: SANDBOX_TOKEN });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({
      error_type: 'PROXY_ERROR',
      error_code: 'UPSTREAM_TIMEOUT',
      error_message: 'Plaid did not answer within 300 ms.',
    });
  });

  it('answers UPSTREAM_UNREACHABLE (502) when nothing listens upstream', async () => {
    const url = await closedPortUrl();
    const response = await lookup(appWith({ PLAID_SANDBOX_URL: url }), { link_token: SANDBOX_TOKEN });
    expect(response.status).toBe(502);
    const body = await response.json();
    expect(body).toMatchObject({ error_type: 'PROXY_ERROR', error_code: 'UPSTREAM_UNREACHABLE' });
    expect(body.error_message).toContain("Could not reach Plaid's sandbox environment (connection refused)");
    // The upstream URL is the operator's business (it may carry a key); the user is told the environment.
    expect(body.error_message).not.toContain(new URL(url).host);
  });

  it.each([
    ['not JSON', json(200, '<html>secret internals</html>')],
    ['JSON that is not an object', json(200, '"secret internals"')],
    ['a 5xx page that is not JSON', json(500, 'secret internals: stack trace')],
    ['a redirect', json(302, 'secret internals', { Location: 'http://127.0.0.1:1/elsewhere' })],
  ])('answers UPSTREAM_BAD_RESPONSE (502) for %s, leaking nothing of it', async (_name, handler) => {
    sandbox.answerWith(handler);
    const response = await lookup(appWith(), { link_token: SANDBOX_TOKEN });
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      error_type: 'PROXY_ERROR',
      error_code: 'UPSTREAM_BAD_RESPONSE',
    });
    expect(text).not.toContain('secret internals');
  });

  it('answers UPSTREAM_BAD_RESPONSE when the answer is cut off', async () => {
    sandbox.answerWith((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      res.write('{"link_token": "link-sandbox-');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const response = await lookup(appWith(), { link_token: SANDBOX_TOKEN });
    expect(response.status).toBe(502);
    const body = await response.json();
    expect(body.error_code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(body.error_message).toContain('cut off');
    expect(sandbox.requests).toHaveLength(1);
  });

  it.each([
    ['declared in Content-Length', { 'Content-Length': String(2048) }],
    ['streamed without a length', {}],
  ])('answers UPSTREAM_BAD_RESPONSE for an answer over the size cap (%s)', async (_name, headers) => {
    const big = JSON.stringify({ padding: 'x'.repeat(2048 - 14) });
    expect(big).toHaveLength(2048);
    sandbox.answerWith((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', ...headers });
      res.write(big.slice(0, 1000));
      res.end(big.slice(1000));
    });
    const response = await lookup(appWith({ UPSTREAM_MAX_BYTES: '1024' }), { link_token: SANDBOX_TOKEN });
    expect(response.status).toBe(502);
    const body = await response.json();
    expect(body.error_code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(body.error_message).toContain('larger than the 1024-byte limit');
  });
});

describe('retrying', () => {
  const plaidError = (status: number, type: string, code: string) =>
    json(status, { error_type: type, error_code: code, error_message: code, display_message: null });

  it('retries once after a 503 and returns the second answer', async () => {
    sandbox.answerWith(
      plaidError(503, 'API_ERROR', 'PLANNED_MAINTENANCE'),
      json(200, { request_id: 'second' }),
    );
    const response = await lookup(appWith(), { link_token: SANDBOX_TOKEN });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ request_id: 'second' });
    expect(sandbox.requests).toHaveLength(2);
  });

  it("retries Plaid's INTERNAL_SERVER_ERROR once", async () => {
    sandbox.answerWith(
      plaidError(500, 'API_ERROR', 'INTERNAL_SERVER_ERROR'),
      json(200, { request_id: 'second' }),
    );
    const response = await lookup(appWith(), { link_token: SANDBOX_TOKEN });
    expect(response.status).toBe(200);
    expect(sandbox.requests).toHaveLength(2);
  });

  it('retries a connection dropped before any answer', async () => {
    sandbox.answerWith((_request, res) => res.socket?.destroy(), json(200, { request_id: 'second' }));
    const response = await lookup(appWith(), { link_token: SANDBOX_TOKEN });
    expect(response.status).toBe(200);
    expect(sandbox.requests).toHaveLength(2);
  });

  it('retries at most once, then passes the last answer on', async () => {
    sandbox.answerWith(plaidError(503, 'API_ERROR', 'PLANNED_MAINTENANCE'));
    const response = await lookup(appWith(), { link_token: SANDBOX_TOKEN });
    expect(response.status).toBe(503);
    expect((await response.json()).error_code).toBe('PLANNED_MAINTENANCE');
    expect(sandbox.requests).toHaveLength(2);
  });

  it.each([
    [400, 'INVALID_INPUT', 'INVALID_API_KEYS'],
    [429, 'RATE_LIMIT_EXCEEDED', 'RATE_LIMIT'],
    [500, 'API_ERROR', 'SOMETHING_ELSE'],
  ])('never retries a %i %s', async (status, type, code) => {
    sandbox.answerWith(plaidError(status, type, code), json(200, { request_id: 'second' }));
    const response = await lookup(appWith(), { link_token: SANDBOX_TOKEN });
    expect(response.status).toBe(status);
    expect(sandbox.requests).toHaveLength(1);
  });
});

describe('when the browser goes away', () => {
  it('abandons the upstream call', async () => {
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    sandbox.answerWith((_request, res) => res.on('close', upstreamClosed));
    const browser = new AbortController();
    const pending = lookup(appWith(), { link_token: SANDBOX_TOKEN }, { signal: browser.signal });
    await expect.poll(() => sandbox.requests.length).toBe(1);
    browser.abort();
    await closed;
    const response = await pending;
    expect(response.status).toBe(499);
    expect(sandbox.requests).toHaveLength(1);
  });
});

describe('an error of ours inside the lookup', () => {
  it("is the route's INTERNAL_ERROR: logged, without the stack or secret to the caller, and still timed", async () => {
    // A server secret undici cannot put in a header: our bug, not Plaid's or the network's.
    const config = loadConfig({
      PLAID_UPSTREAM: 'plaid',
      LOG_LEVEL: 'silent',
      PLAID_CLIENT_ID: 'server-client-id',
      PLAID_SECRET_SANDBOX: 'server-sandbox-secret',
      PLAID_SANDBOX_URL: sandbox.url,
    });
    const broken = { ...config.plaid, secrets: { sandbox: 'server\r\nsecret', production: undefined } };
    const logs = captureLogs();
    const app = createApp(
      { ...config, clientDir: 'src/server/testing', plaid: broken },
      { logger: createLogger({ level: 'error', destination: logs.destination }) },
    );
    const response = await lookup(app, { link_token: SANDBOX_TOKEN });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      error_code: 'INTERNAL_ERROR',
      request_id: response.headers.get('X-Request-Id'),
    });
    expect(text).not.toMatch(/secret|at .*\.ts/);
    expect(response.headers.get('Server-Timing')).toMatch(/^total;dur=[\d.]+;desc="Total Response Time"$/);
    expect(logs.lines().filter((line) => line.msg === 'unhandled error')).toHaveLength(1);
    expect(sandbox.requests).toHaveLength(0);
  });
});
