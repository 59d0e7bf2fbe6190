import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinkTokenGetResponseSchema } from '../shared/schemas/link-token-get-response';
import { createApp } from './app';
import { loadConfig } from './config';
import {
  parseFault,
  SCENARIOS,
  UNKNOWN_TOKEN,
  startSimulator,
  type RunningSimulator,
  manualClock,
  simulatorAsPlaidEnv,
} from '../simulator';

// Every scenario and every fault through the real proxy: our server app (in-process) calls the
// simulator over HTTP on loopback, exactly as it calls Plaid, and the test reads what the browser
// would get.

// Short, so that the latency and hang faults end in the proxy's timeout quickly; the ordinary
// lookups use the default (10 s), so that a busy machine does not make them flaky.
const SHORT_TIMEOUT_MS = 1000;
const token = (scenario: string) => SCENARIOS.find((s) => s.scenario === scenario)!.link_token;

function proxyFor(simulator: RunningSimulator, timeoutMs?: number) {
  const config = loadConfig({
    ...simulatorAsPlaidEnv(simulator.url),
    ...(timeoutMs ? { PLAID_TIMEOUT_MS: String(timeoutMs) } : {}),
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '10000',
  });
  return createApp({ ...config, clientDir: 'src/server/testing' });
}

async function lookUp(app: ReturnType<typeof proxyFor>, body: Record<string, string>) {
  const response = await app.request('/api/link/token/get', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: JSON.parse(text) as Record<string, unknown>,
  };
}

const clock = manualClock(new Date());
let simulator: RunningSimulator;
let proxy: ReturnType<typeof proxyFor>;
let impatientProxy: ReturnType<typeof proxyFor>;
beforeAll(async () => {
  simulator = await startSimulator({ now: clock.now, liveStepMs: 3000 });
  proxy = proxyFor(simulator);
  impatientProxy = proxyFor(simulator, SHORT_TIMEOUT_MS);
});
afterAll(() => simulator.close());

describe('fixture scenarios through the proxy', () => {
  const fixtures = SCENARIOS.filter((s) => !s.scenario.startsWith('fault-'));
  it.each(fixtures.map((s) => [s.scenario, s.link_token]))(
    '%s: 200 with its answer',
    async (_name, linkToken) => {
      const reply = await lookUp(proxy, { link_token: linkToken });
      expect(reply.status).toBe(200);
      const body = LinkTokenGetResponseSchema.parse(reply.json);
      expect(body.link_token).toBe(linkToken);
    },
  );

  it('keeps what a newer Plaid adds (forward-compatible)', async () => {
    const reply = await lookUp(proxy, { link_token: token('forward-compatible') });
    expect(reply.json).toMatchObject({ created_at: null, hosted_link: { url: expect.any(String) } });
  });

  it('unknown: Plaid’s INVALID_LINK_TOKEN, passed through', async () => {
    const reply = await lookUp(proxy, { link_token: UNKNOWN_TOKEN.link_token });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ error_type: 'INVALID_INPUT', error_code: 'INVALID_LINK_TOKEN' });
  });

  it('wrong credentials typed in the form: Plaid’s INVALID_API_KEYS, passed through', async () => {
    const reply = await lookUp(proxy, {
      link_token: token('success'),
      client_id: 'someone-else',
      secret: 'wrong',
    });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ error_type: 'INVALID_INPUT', error_code: 'INVALID_API_KEYS' });
  });

  it('live: each lookup shows the session further along', async () => {
    const liveToken = token('live');
    const events = async () => {
      const reply = await lookUp(proxy, { link_token: liveToken });
      return LinkTokenGetResponseSchema.parse(reply.json).link_sessions![0]!.events!.length;
    };
    const before = await events();
    clock.advance(3000 * 2);
    expect(await events()).toBe(before + 2);
  });
});

describe('the simulator as the embedded upstream (simulator mode)', () => {
  it('needs no credentials and lists the fixture tokens', async () => {
    const app = createApp({
      ...loadConfig({
        PLAID_UPSTREAM: 'simulator',
        PLAID_SANDBOX_URL: simulator.url,
        PLAID_PRODUCTION_URL: simulator.url,
        LOG_LEVEL: 'silent',
      }),
      clientDir: 'src/server/testing',
    });
    expect((await lookUp(app, { link_token: token('success') })).status).toBe(200);
    expect((await lookUp(app, { link_token: token('production') })).status).toBe(200);
    const list = (await (await app.request('/api/simulator/tokens')).json()) as {
      tokens: { link_token: string }[];
    };
    expect(list.tokens.map((t) => t.link_token)).toContain(token('large'));
  });
});

describe('fault tokens through the proxy', () => {
  it('latency beyond PLAID_TIMEOUT_MS: 504 UPSTREAM_TIMEOUT', async () => {
    const reply = await lookUp(impatientProxy, { link_token: token('fault-latency') });
    expect(reply.status).toBe(504);
    expect(reply.json).toMatchObject({ error_type: 'PROXY_ERROR', error_code: 'UPSTREAM_TIMEOUT' });
  });

  it('500: Plaid’s INTERNAL_SERVER_ERROR, passed through', async () => {
    const reply = await lookUp(proxy, { link_token: token('fault-500') });
    expect(reply.status).toBe(500);
    expect(reply.json).toMatchObject({ error_type: 'API_ERROR', error_code: 'INTERNAL_SERVER_ERROR' });
  });

  it('502 with an HTML page: 502 UPSTREAM_BAD_RESPONSE', async () => {
    const reply = await lookUp(proxy, { link_token: token('fault-502') });
    expect(reply.status).toBe(502);
    expect(reply.json).toMatchObject({ error_type: 'PROXY_ERROR', error_code: 'UPSTREAM_BAD_RESPONSE' });
  });

  it('503: Plaid’s PLANNED_MAINTENANCE, passed through', async () => {
    const reply = await lookUp(proxy, { link_token: token('fault-503') });
    expect(reply.status).toBe(503);
    expect(reply.json).toMatchObject({ error_type: 'API_ERROR', error_code: 'PLANNED_MAINTENANCE' });
  });

  it('429: RATE_LIMIT_EXCEEDED with its Retry-After, passed through', async () => {
    const reply = await lookUp(proxy, { link_token: token('fault-429') });
    expect(reply.status).toBe(429);
    expect(reply.headers.get('Retry-After')).toBe('2');
    expect(reply.json).toMatchObject({ error_type: 'RATE_LIMIT_EXCEEDED', error_code: 'RATE_LIMIT' });
  });

  it('malformed JSON: 502 UPSTREAM_BAD_RESPONSE', async () => {
    const reply = await lookUp(proxy, { link_token: token('fault-malformed-json') });
    expect(reply.status).toBe(502);
    expect(reply.json).toMatchObject({
      error_code: 'UPSTREAM_BAD_RESPONSE',
      error_message: expect.stringMatching(/not JSON/),
    });
  });

  it('truncated body: 502 UPSTREAM_BAD_RESPONSE', async () => {
    const reply = await lookUp(proxy, { link_token: token('fault-truncated') });
    expect(reply.status).toBe(502);
    expect(reply.json).toMatchObject({
      error_code: 'UPSTREAM_BAD_RESPONSE',
      error_message: expect.stringMatching(/cut off/),
    });
  });

  it('connection reset: 502 UPSTREAM_UNREACHABLE', async () => {
    const reply = await lookUp(proxy, { link_token: token('fault-reset') });
    expect(reply.status).toBe(502);
    expect(reply.json).toMatchObject({
      error_code: 'UPSTREAM_UNREACHABLE',
      error_message: expect.stringMatching(/reset/),
    });
  });

  it('hang: 504 UPSTREAM_TIMEOUT once PLAID_TIMEOUT_MS has passed', async () => {
    const started = performance.now();
    const reply = await lookUp(impatientProxy, { link_token: token('fault-hang') });
    expect(performance.now() - started).toBeGreaterThanOrEqual(SHORT_TIMEOUT_MS - 50);
    expect(reply.status).toBe(504);
    expect(reply.json).toMatchObject({ error_type: 'PROXY_ERROR', error_code: 'UPSTREAM_TIMEOUT' });
  });
});

describe('faults by configuration through the proxy', () => {
  it.each([
    ['latency:200', 200, undefined],
    ['500', 500, 'INTERNAL_SERVER_ERROR'],
    ['502', 502, 'UPSTREAM_BAD_RESPONSE'],
    ['503', 503, 'PLANNED_MAINTENANCE'],
    ['429', 429, 'RATE_LIMIT'],
    ['malformed-json', 502, 'UPSTREAM_BAD_RESPONSE'],
    ['truncated', 502, 'UPSTREAM_BAD_RESPONSE'],
    ['reset', 502, 'UPSTREAM_UNREACHABLE'],
    ['hang', 504, 'UPSTREAM_TIMEOUT'],
  ])('SIMULATOR_FAULT=%s on an ordinary token: %i', async (fault, status, code) => {
    const faulty = await startSimulator({ fault: parseFault(fault) });
    try {
      const reply = await lookUp(proxyFor(faulty, SHORT_TIMEOUT_MS), { link_token: token('success') });
      expect(reply.status).toBe(status);
      if (code) expect(reply.json.error_code).toBe(code);
      else expect(reply.json.link_token).toBe(token('success'));
    } finally {
      await faulty.close();
    }
  });
});
