import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../shared/json-depth';
import { createApp } from './app';
import { loadConfig } from './config';
import { createLogger } from './observability/logger';
import { captureLogs, type LogCapture } from './testing/log-capture';
import { json, startFakeUpstream, type FakeUpstream, type UpstreamHandler } from './testing/fake-upstream';

// What a broken or hostile upstream (a stand-in for Plaid on real HTTP) can send, and what reaches
// the user of the proxy in-process.

const TOKEN = 'link-sandbox-af1a0311-da53-4636-b754-dd15cc058176';

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(() => upstream.close());
beforeEach(() => {
  upstream.requests.length = 0;
});

function appWith(env: Record<string, string> = {}, logs?: LogCapture) {
  return createApp(
    loadConfig({
      PLAID_UPSTREAM: 'plaid',
      LOG_LEVEL: 'silent',
      PLAID_CLIENT_ID: 'server-client-id',
      PLAID_SECRET_SANDBOX: 'server-sandbox-secret',
      PLAID_SANDBOX_URL: upstream.url,
      ...env,
    }),
    logs && { logger: createLogger({ level: 'info', destination: logs.destination }) },
  );
}

function lookup(app: ReturnType<typeof appWith>) {
  return app.request('/api/link/token/get', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ link_token: TOKEN }),
  });
}

// {"request_id":"r","extra":{"a":{"a":…1…}}} with `depth` levels in all.
function nestedAnswer(depth: number): string {
  return `{"request_id":"r","extra":${'{"a":'.repeat(depth - 1)}1${'}'.repeat(depth - 1)}}`;
}

describe('deeply nested answers', () => {
  it(`refuses an answer nested deeper than ${MAX_JSON_DEPTH} levels with UPSTREAM_BAD_RESPONSE`, async () => {
    for (const depth of [MAX_JSON_DEPTH + 1, 1_000, 100_000]) {
      upstream.answerWith(json(200, nestedAnswer(depth)));
      const response = await lookup(appWith());
      expect(response.status, `${depth} levels`).toBe(502);
      expect(await response.json()).toMatchObject({
        error_code: 'UPSTREAM_BAD_RESPONSE',
        error_message: `Plaid answered HTTP 200 with JSON nested deeper than ${MAX_JSON_DEPTH} levels.`,
      });
    }
  });

  it(`passes an answer of ${MAX_JSON_DEPTH} levels through`, async () => {
    const body = nestedAnswer(MAX_JSON_DEPTH);
    upstream.answerWith(json(200, body));
    const response = await lookup(appWith());
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(body);
  });
});

describe('memory held by answers in flight (UPSTREAM_MAX_BYTES_IN_FLIGHT)', () => {
  // An answer of `bytes` bytes sent up to its last two, which wait until `rest` settles.
  function heldAnswer(bytes: number, rest: Promise<void>): UpstreamHandler {
    return (_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write(`{"padding":"${'x'.repeat(bytes - 14)}`);
      void rest.then(() => res.end('"}'));
    };
  }

  async function bytesInFlight(app: ReturnType<typeof appWith>): Promise<number> {
    const metrics = await (await app.request('/metrics')).text();
    return Number(/^upstream_answer_bytes_in_flight (\d+)$/m.exec(metrics)?.[1]);
  }

  it('refuses a lookup whose answer would overfill it, as the answer arrives: 503 SERVER_BUSY with Retry-After', async () => {
    let finish!: () => void;
    const rest = new Promise<void>((resolve) => (finish = resolve));
    upstream.answerWith(heldAnswer(3000, rest), heldAnswer(3000, rest), json(200, { request_id: 'r' }));
    const app = appWith({ UPSTREAM_MAX_BYTES: '4096', UPSTREAM_MAX_BYTES_IN_FLIGHT: '5000' });

    const first = lookup(app);
    await expect.poll(() => bytesInFlight(app)).toBe(2998);
    // Admitted, but its answer would overfill the budget: refused as it arrives.
    const second = await lookup(app);
    expect(second.status).toBe(503);
    expect(Number(second.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await second.json()).toMatchObject({ error_type: 'PROXY_ERROR', error_code: 'SERVER_BUSY' });

    finish();
    expect((await first).status).toBe(200);
    expect(await bytesInFlight(app)).toBe(0);
    expect((await lookup(app)).status).toBe(200);
  });

  it('refuses a lookup before asking upstream once the budget is full', async () => {
    let finish!: () => void;
    const rest = new Promise<void>((resolve) => (finish = resolve));
    upstream.answerWith(heldAnswer(4098, rest), heldAnswer(4098, rest), json(200, { request_id: 'r' }));
    const app = appWith({ UPSTREAM_MAX_BYTES: '8192', UPSTREAM_MAX_BYTES_IN_FLIGHT: '8192' });

    const held = [lookup(app), lookup(app)];
    await expect.poll(() => bytesInFlight(app)).toBe(8192);
    const refused = await lookup(app);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error_code: 'SERVER_BUSY' });
    expect(upstream.requests).toHaveLength(2);

    // The last bytes of whichever held answer comes first go past the limit too; once it has
    // given its bytes back, the other may finish.
    finish();
    const statuses = (await Promise.all(held)).map((response) => response.status);
    expect(statuses).toContain(503);
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    expect(await bytesInFlight(app)).toBe(0);
    expect((await lookup(app)).status).toBe(200);
  });

  it('must leave room for one whole answer', () => {
    expect(() => loadConfig({ UPSTREAM_MAX_BYTES: '4096', UPSTREAM_MAX_BYTES_IN_FLIGHT: '4000' })).toThrow(
      /UPSTREAM_MAX_BYTES_IN_FLIGHT must be at least UPSTREAM_MAX_BYTES/,
    );
  });
});

describe('what is logged of an answer', () => {
  it("caps Plaid's request_id and keeps it to printable characters", async () => {
    const hostile = `req-\u001b[31mred\r\nfake log line ${'x'.repeat(1024 * 1024)}`;
    upstream.answerWith(json(200, { request_id: hostile }));
    const logs = captureLogs();
    const response = await lookup(appWith({}, logs));
    expect(response.status).toBe(200);
    // The answer itself passes through untouched.
    expect((await response.json()).request_id).toBe(hostile);

    const line = logs.lines().find((entry) => entry.msg === 'lookup');
    expect(line?.plaid_request_id).toBe(`req-?[31mred??fake log line ${'x'.repeat(36)}…`);
    expect(logs.text().length).toBeLessThan(2048);
  });

  it('logs an ordinary request_id as it is', async () => {
    upstream.answerWith(json(200, { request_id: 'm8MDnv9okwxFNBV' }));
    const logs = captureLogs();
    await lookup(appWith({}, logs));
    expect(logs.lines().find((entry) => entry.msg === 'lookup')?.plaid_request_id).toBe('m8MDnv9okwxFNBV');
  });
});

describe('an upstream that echoes what it was sent (a debugging gateway at PLAID_*_URL)', () => {
  // What such a gateway answers: the request it received, headers (PLAID-SECRET included) and all.
  function echo(status: number): UpstreamHandler {
    return (request, res) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({ request_id: 'echo', received: { headers: request.headers, body: request.body } }),
      );
    };
  }

  function askInstitution(app: ReturnType<typeof appWith>, credentials: Record<string, string> = {}) {
    return app.request('/api/institutions/get_by_id', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ institution_id: 'ins_56', environment: 'sandbox', ...credentials }),
    });
  }

  const routes = [
    ['the token lookup', lookup],
    ['the institution lookup', askInstitution],
  ] as const;

  it.each(routes.flatMap(([name, ask]) => [200, 400, 502].map((status) => [name, status, ask] as const)))(
    "%s refuses an HTTP %i answer holding the server's secret: 502 UPSTREAM_BAD_RESPONSE, logged, secret never shown",
    async (_name, status, ask) => {
      upstream.answerWith(echo(status));
      const logs = captureLogs();
      const response = await ask(appWith({}, logs));
      const text = await response.text();
      expect(response.status).toBe(502);
      expect(JSON.parse(text)).toMatchObject({
        error_code: 'UPSTREAM_BAD_RESPONSE',
        error_message: expect.stringContaining(
          `Plaid answered HTTP ${status} with an answer that contains the server's own Plaid secret, so it was not passed on.`,
        ),
      });
      expect(text).not.toContain('server-sandbox-secret');
      // Asked once: an echoing gateway echoes again, so a 502 from it is not retried.
      expect(upstream.requests).toHaveLength(1);
      const alerts = logs.lines().filter((line) => String(line.msg).includes('echoes requests'));
      expect(alerts).toMatchObject([
        {
          level: 'error',
          msg: expect.stringContaining('PLAID_SANDBOX_URL seems to point at a gateway or proxy'),
        },
      ]);
      expect(logs.text()).not.toContain('server-sandbox-secret');
    },
  );

  it("finds the other environment's secret too, and a secret in Retry-After", async () => {
    const app = appWith({ PLAID_SECRET_PRODUCTION: 'server-production-secret' });
    upstream.answerWith(json(400, { request_id: 'r', note: 'server-production-secret' }));
    expect((await lookup(app)).status).toBe(502);
    upstream.answerWith(json(429, { request_id: 'r' }, { 'Retry-After': 'server-sandbox-secret' }));
    const limited = await lookup(app);
    expect(limited.status).toBe(502);
    expect(limited.headers.get('Retry-After')).toBeNull();
  });

  it('finds a secret with characters JSON escapes, as JSON encoders write it', async () => {
    const secret = 'a"b\\c/d-secret';
    const app = appWith({ PLAID_SECRET_SANDBOX: secret });
    for (const written of [JSON.stringify(secret), JSON.stringify(secret).replaceAll('/', '\\/')]) {
      upstream.answerWith(json(200, `{"request_id":"r","echo":${written}}`));
      expect((await lookup(app)).status, written).toBe(502);
    }
  });

  it("passes on an echo of the request's own secret: it goes back to the user who typed it", async () => {
    upstream.answerWith(echo(400));
    const credentials = { client_id: 'users-client-id', secret: 'users-own-secret' };
    for (const ask of [
      () =>
        appWith().request('/api/link/token/get', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ link_token: TOKEN, ...credentials }),
        }),
      () => askInstitution(appWith(), credentials),
    ]) {
      const response = await ask();
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('users-own-secret');
    }
  });

  it('passes on an ordinary answer', async () => {
    upstream.answerWith(json(200, { request_id: 'r', link_token: TOKEN }));
    expect((await lookup(appWith())).status).toBe(200);
  });
});
