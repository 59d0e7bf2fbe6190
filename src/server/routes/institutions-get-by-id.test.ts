import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { institutionHealth } from '../../shared/domain/institution-health';
import { InstitutionsGetByIdResponseSchema } from '../../shared/schemas/institutions-get-by-id-response';
import { parseFault, simulatorAsPlaidEnv, startSimulator, type RunningSimulator } from '../../simulator';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../observability/logger';
import { json, startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream';
import { captureLogs, type LogCapture } from '../testing/log-capture';

// POST /api/institutions/get_by_id in-process: against the simulator over real HTTP for what Plaid
// answers, and against a fake upstream that counts and records calls for the cache and for what
// is sent to Plaid.

type App = ReturnType<typeof createApp>;

// With `logs`, what the app logs (at info level) goes there.
function appWith(env: Record<string, string>, logs?: LogCapture): App {
  const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '10000', ...env });
  const logger = logs && createLogger({ level: 'info', destination: logs.destination });
  return createApp({ ...config, clientDir: 'src/server/testing' }, logger ? { logger } : {});
}

async function ask(app: App, body: unknown, headers: Record<string, string> = {}) {
  const response = await app.request('/api/institutions/get_by_id', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: JSON.parse(text) as Record<string, unknown>,
  };
}

describe('against the simulator', () => {
  let simulator: RunningSimulator;
  let app: App;
  beforeAll(async () => {
    simulator = await startSimulator();
    app = appWith(simulatorAsPlaidEnv(simulator.url));
  });
  afterAll(() => simulator.close());

  it.each([
    ['ins_127991', 'healthy'],
    ['ins_135102', 'degraded'],
    ['ins_135101', 'down'],
  ])('Production %s: 200 with its %s item_logins and its colour', async (id, level) => {
    const reply = await ask(app, { institution_id: id, environment: 'production', country_codes: ['US'] });
    expect(reply.status).toBe(200);
    const { institution } = InstitutionsGetByIdResponseSchema.parse(reply.json);
    expect(institution.primary_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(institutionHealth(institution, 'production')).toMatchObject({ itemLogins: { level } });
  });

  it('Production: status null for a bank with too little traffic', async () => {
    const reply = await ask(app, { institution_id: 'ins_135103', environment: 'production' });
    expect(reply.json).toMatchObject({ institution: { name: 'Wombat Community Bank', status: null } });
  });

  it('Sandbox: the Sandbox bank, without health', async () => {
    const reply = await ask(app, { institution_id: 'ins_109512', environment: 'sandbox' });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ institution: { name: 'Houndstooth Bank', status: null } });
  });

  it("passes Plaid's INVALID_INSTITUTION through for an id Plaid does not list", async () => {
    const reply = await ask(app, { institution_id: 'ins_135199', environment: 'production' });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ error_type: 'INVALID_INPUT', error_code: 'INVALID_INSTITUTION' });
  });

  it('asks about the US when country_codes are absent, and about the given countries otherwise', async () => {
    expect((await ask(app, { institution_id: 'ins_56', environment: 'production' })).status).toBe(200);
    const elsewhere = await ask(app, {
      institution_id: 'ins_56',
      environment: 'production',
      country_codes: ['gb'],
    });
    expect(elsewhere.json).toMatchObject({ error_code: 'INVALID_INSTITUTION' });
  });

  it("uses the request's credentials when it has them, and never serves them another caller's answer", async () => {
    const body = { institution_id: 'ins_127991', environment: 'production' };
    expect((await ask(app, body)).status).toBe(200);
    const wrong = await ask(app, { ...body, client_id: 'simulator-client-id', secret: 'not-the-secret' });
    expect(wrong.status).toBe(400);
    expect(wrong.json).toMatchObject({ error_code: 'INVALID_API_KEYS' });
    const right = await ask(app, { ...body, client_id: 'simulator-client-id', secret: 'simulator-secret' });
    expect(right.status).toBe(200);
  });

  // A short deadline only where the answer is the deadline: 503 is retried once (after 100–300 ms).
  it.each([
    ['503', 503, 'PLANNED_MAINTENANCE', '10000'],
    ['malformed-json', 502, 'UPSTREAM_BAD_RESPONSE', '10000'],
    ['hang', 504, 'UPSTREAM_TIMEOUT', '300'],
  ])('upstream fault %s: %i %s, like a token lookup', async (fault, status, code, timeoutMs) => {
    const faulty = await startSimulator({ fault: parseFault(fault) });
    try {
      const app = appWith({ ...simulatorAsPlaidEnv(faulty.url), PLAID_TIMEOUT_MS: timeoutMs });
      const reply = await ask(app, { institution_id: 'ins_56', environment: 'production' });
      expect(reply.status).toBe(status);
      expect(reply.json).toMatchObject({ error_code: code });
    } finally {
      await faulty.close();
    }
  });
});

describe('refusals before Plaid is asked', () => {
  let upstream: FakeUpstream;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
  });
  afterAll(() => upstream.close());
  beforeEach(() => {
    upstream.requests.length = 0;
  });
  const plaidMode = (env: Record<string, string> = {}) =>
    appWith({
      PLAID_UPSTREAM: 'plaid',
      PLAID_CLIENT_ID: 'server-client-id',
      PLAID_SECRET_SANDBOX: 'server-sandbox-secret',
      PLAID_SANDBOX_URL: upstream.url,
      PLAID_PRODUCTION_URL: upstream.url,
      ...env,
    });

  it.each([
    [{ environment: 'production' }, 'institution_id reads ins_ followed by its number, e.g. ins_109508.'],
    [
      { institution_id: 'Chase', environment: 'production' },
      'institution_id reads ins_ followed by its number, e.g. ins_109508.',
    ],
    [{ institution_id: 'ins_56' }, 'environment must be sandbox or production.'],
    [{ institution_id: 'ins_56', environment: 'development' }, 'environment must be sandbox or production.'],
    [
      { institution_id: 'ins_56', environment: 'sandbox', country_codes: 'US' },
      'country_codes is a list of two-letter ISO 3166-1 codes such as ["US", "GB"].',
    ],
    [['ins_56'], expect.stringMatching(/^Send a JSON object such as \{"institution_id"/)],
  ])('400 INVALID_BODY for %j, saying what is expected', async (body, message) => {
    const reply = await ask(plaidMode(), body);
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({
      error_type: 'PROXY_ERROR',
      error_code: 'INVALID_BODY',
      error_message: message,
    });
    expect(reply.headers.get('Server-Timing')).toMatch(/^total;dur=[\d.]+;desc="Total Response Time"$/);
    expect(upstream.requests).toHaveLength(0);
  });

  it('400 INVALID_BODY for a body that is not JSON, naming this endpoint’s fields', async () => {
    const reply = await ask(plaidMode(), '{"institution_id": ');
    expect(reply.json).toMatchObject({
      error_code: 'INVALID_BODY',
      error_message: expect.stringMatching(/^Send a JSON object such as \{"institution_id"/),
    });
  });

  it('400 INVALID_BODY for a secret that no HTTP header could carry, before Plaid is asked', async () => {
    const reply = await ask(plaidMode(), {
      institution_id: 'ins_56',
      environment: 'sandbox',
      client_id: 'c',
      secret: 'line\nbreak',
    });
    expect(reply.json).toMatchObject({
      error_code: 'INVALID_BODY',
      error_message: expect.stringMatching(/^secret must contain printable ASCII/),
    });
    expect(upstream.requests).toHaveLength(0);
  });

  it('400 INCOMPLETE_CREDENTIALS for a client_id without its secret', async () => {
    const reply = await ask(plaidMode(), {
      institution_id: 'ins_56',
      environment: 'sandbox',
      client_id: 'c',
    });
    expect(reply.json).toMatchObject({ error_code: 'INCOMPLETE_CREDENTIALS' });
  });

  it('400 MISSING_CREDENTIALS when neither the request nor the server has any for the environment', async () => {
    const reply = await ask(plaidMode(), { institution_id: 'ins_56', environment: 'production' });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({
      error_code: 'MISSING_CREDENTIALS',
      error_message: expect.stringContaining('PLAID_SECRET_PRODUCTION'),
    });
    expect(upstream.requests).toHaveLength(0);
  });

  it('400 REQUEST_CREDENTIALS_DISABLED for credentials in the request when the server allows none', async () => {
    const reply = await ask(plaidMode({ ALLOW_REQUEST_CREDENTIALS: 'false' }), {
      institution_id: 'ins_56',
      environment: 'sandbox',
      client_id: 'c',
      secret: 's',
    });
    expect(reply.json).toMatchObject({
      error_code: 'REQUEST_CREDENTIALS_DISABLED',
      error_message:
        'This server uses its own Plaid credentials only; send the institution_id and environment without client_id and secret.',
    });
    expect(upstream.requests).toHaveLength(0);
  });

  it('behind the API guards: JSON only, same origin, and the rate limit', async () => {
    const app = plaidMode({ RATE_LIMIT_PER_MINUTE: '2' });
    const body = { institution_id: 'ins_56', environment: 'sandbox' };
    const asText = await app.request('/api/institutions/get_by_id', {
      method: 'POST',
      body: JSON.stringify(body),
    });
    expect(asText.status).toBe(415);
    const crossSite = await ask(app, body, {
      'Sec-Fetch-Site': 'cross-site',
      Origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
    const limited = await ask(app, body);
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ error_code: 'RATE_LIMITED' });
  });
});

describe('calling Plaid, through the cache', () => {
  let upstream: FakeUpstream;
  const answer = { institution: { institution_id: 'ins_56', name: 'Chase' }, request_id: 'plaid-req-1' };
  beforeAll(async () => {
    upstream = await startFakeUpstream();
  });
  afterAll(() => upstream.close());
  beforeEach(() => {
    upstream.requests.length = 0;
    upstream.answerWith(json(200, answer));
  });
  const plaidMode = (logs?: LogCapture) =>
    appWith(
      {
        PLAID_UPSTREAM: 'plaid',
        PLAID_CLIENT_ID: 'server-client-id',
        PLAID_SECRET_SANDBOX: 'server-sandbox-secret',
        PLAID_SECRET_PRODUCTION: 'server-production-secret',
        PLAID_SANDBOX_URL: upstream.url,
        PLAID_PRODUCTION_URL: `${upstream.url}/production`,
      },
      logs,
    );

  it("sends Plaid the institution, canonical country codes and both options, with the environment's credentials", async () => {
    const reply = await ask(plaidMode(), {
      institution_id: ' ins_56 ',
      environment: 'production',
      country_codes: ['us', 'CA', 'US'],
    });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe(JSON.stringify(answer));
    const [request] = upstream.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/production/institutions/get_by_id' });
    expect(request!.headers).toMatchObject({
      'plaid-client-id': 'server-client-id',
      'plaid-secret': 'server-production-secret',
      'plaid-version': '2020-09-14',
    });
    expect(JSON.parse(request!.body)).toEqual({
      institution_id: 'ins_56',
      country_codes: ['CA', 'US'],
      options: { include_status: true, include_optional_metadata: true },
    });
  });

  it('500 simultaneous requests for one bank cost Plaid one call, and the next minute costs none', async () => {
    upstream.answerWith((request, res, req) => setTimeout(() => json(200, answer)(request, res, req), 100));
    const app = plaidMode();
    const body = { institution_id: 'ins_56', environment: 'sandbox' };
    const replies = await Promise.all(Array.from({ length: 500 }, () => ask(app, body)));
    expect(replies.every((reply) => reply.status === 200 && reply.text === JSON.stringify(answer))).toBe(
      true,
    );
    expect(upstream.requests).toHaveLength(1);

    const later = await ask(app, { ...body, country_codes: ['US'] });
    expect(later.text).toBe(JSON.stringify(answer));
    // Seconds since Plaid answered: the 500 take a while on a busy machine, but well within the minute.
    expect(Number(later.headers.get('Age'))).toBeLessThan(60);
    expect(later.headers.get('Server-Timing')).toMatch(/^cache;desc="hit",total;dur=/);
    expect(upstream.requests).toHaveLength(1);
  }, 30_000);

  it('asks Plaid again for other credentials, another environment or other countries', async () => {
    const app = plaidMode();
    const body = { institution_id: 'ins_56', environment: 'sandbox' };
    await ask(app, body);
    await ask(app, { ...body, client_id: 'someone-else', secret: 'their-secret' });
    await ask(app, { ...body, environment: 'production' });
    await ask(app, { ...body, country_codes: ['CA'] });
    expect(upstream.requests).toHaveLength(4);
    expect(upstream.requests[1]!.headers).toMatchObject({ 'plaid-secret': 'their-secret' });
  });

  it('keeps no Plaid error: the next request asks again', async () => {
    upstream.answerWith(
      json(429, { error_type: 'RATE_LIMIT_EXCEEDED', error_code: 'RATE_LIMIT' }, { 'Retry-After': '7' }),
    );
    const app = plaidMode();
    const body = { institution_id: 'ins_56', environment: 'sandbox' };
    const first = await ask(app, body);
    expect(first.status).toBe(429);
    expect(first.headers.get('Retry-After')).toBe('7');
    await ask(app, body);
    expect(upstream.requests).toHaveLength(2);
  });

  it('hangs up on Plaid once every browser waiting for its answer has gone, not before', async () => {
    let hungUp = 0;
    // Plaid never answers: only the proxy can end the call before PLAID_TIMEOUT_MS (10 s).
    upstream.answerWith((_request, res) => res.on('close', () => (hungUp += 1)));
    const app = plaidMode();
    const browsers = Array.from({ length: 3 }, () => new AbortController());
    const replies = browsers.map((browser) =>
      app.request('/api/institutions/get_by_id', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ institution_id: 'ins_56', environment: 'sandbox' }),
        signal: browser.signal,
      }),
    );
    await expect.poll(() => upstream.requests.length).toBe(1);

    browsers[0]!.abort();
    browsers[1]!.abort();
    await sleep(200);
    expect(hungUp).toBe(0);
    browsers[2]!.abort();
    await expect.poll(() => hungUp, { timeout: 1_000 }).toBe(1);
    // 499: the browser closed the request (nginx's word for it), for the logs and metrics.
    expect((await Promise.all(replies)).map((reply) => reply.status)).toEqual([499, 499, 499]);
    expect(upstream.requests).toHaveLength(1);
  });

  it('writes an audit line per request: the institution, and whether Plaid was asked or the answer reused', async () => {
    const logs = captureLogs();
    const app = plaidMode(logs);
    const body = { institution_id: 'ins_56', environment: 'production' };
    await ask(app, body);
    await ask(app, body);
    const audit = logs.lines().filter((line) => line.msg === 'lookup');
    expect(audit).toEqual([
      expect.objectContaining({
        institution_id: 'ins_56',
        environment: 'production',
        credentials: 'server',
        upstream_status: 200,
        plaid_request_id: 'plaid-req-1',
      }),
      expect.objectContaining({ institution_id: 'ins_56', reused: 'cache' }),
    ]);
    expect(logs.text()).not.toContain('server-production-secret');
  });
});
