import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFault, RETRY_AFTER_SECONDS } from './faults';
import { LATENCY_TOKEN_MS } from './scenarios/faults';
import { startSimulator, type RunningSimulator } from './server';
import { PLAID_HEADERS, lookUpToken, postLinkTokenGet } from './test-support';

// Each fault, staged by its token and by configuration, seen from a client over real HTTP.

const faultToken = (n: number) => `link-sandbox-00000000-0000-4000-9000-00000000000${n}`;
const SUCCESS = 'link-sandbox-00000000-0000-4000-8000-000000000003';

// A raw HTTP call, to see what fetch hides: the declared Content-Length against the bytes that
// came, and how the connection ended.
function rawLookUp(url: string, linkToken: string) {
  return new Promise<{
    status?: number;
    declaredLength?: number;
    received: number;
    ended: 'complete' | string;
  }>((resolve) => {
    let received = 0;
    let status: number | undefined;
    let declaredLength: number | undefined;
    const req = request(`${url}/link/token/get`, { method: 'POST', headers: PLAID_HEADERS }, (res) => {
      status = res.statusCode;
      declaredLength = Number(res.headers['content-length']);
      res.on('data', (chunk: Buffer) => (received += chunk.length));
      res.on('end', () => resolve({ status, declaredLength, received, ended: 'complete' }));
      res.on('error', (error: NodeJS.ErrnoException) =>
        resolve({ status, declaredLength, received, ended: error.code ?? error.message }),
      );
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status, declaredLength, received, ended: error.code ?? error.message }),
    );
    req.end(JSON.stringify({ link_token: linkToken }));
  });
}

describe('fault tokens', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator();
  });
  afterAll(() => simulator.close());

  it('latency: answers like a fresh token after the delay', async () => {
    const started = performance.now();
    const reply = await lookUpToken(simulator, faultToken(1));
    expect(performance.now() - started).toBeGreaterThanOrEqual(LATENCY_TOKEN_MS - 50);
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ link_token: faultToken(1), link_sessions: [] });
  });

  it('500: Plaid’s INTERNAL_SERVER_ERROR', async () => {
    const reply = await lookUpToken(simulator, faultToken(2));
    expect(reply.status).toBe(500);
    expect(reply.json).toMatchObject({
      error_type: 'API_ERROR',
      error_code: 'INTERNAL_SERVER_ERROR',
      documentation_url: 'https://plaid.com/docs/errors/api/#internal_server_error',
    });
  });

  it('502: a load balancer’s HTML page', async () => {
    const reply = await lookUpToken(simulator, faultToken(3));
    expect(reply.status).toBe(502);
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/);
    expect(reply.text).toContain('502 Bad Gateway');
  });

  it('503: Plaid’s PLANNED_MAINTENANCE', async () => {
    const reply = await lookUpToken(simulator, faultToken(4));
    expect(reply.status).toBe(503);
    expect(reply.json).toMatchObject({ error_type: 'API_ERROR', error_code: 'PLANNED_MAINTENANCE' });
  });

  it('429: RATE_LIMIT_EXCEEDED with Retry-After', async () => {
    const reply = await lookUpToken(simulator, faultToken(5));
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect(reply.json).toMatchObject({ error_type: 'RATE_LIMIT_EXCEEDED', error_code: 'RATE_LIMIT' });
  });

  it('malformed-json: a 200 labelled JSON that does not parse', async () => {
    const reply = await lookUpToken(simulator, faultToken(6));
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(reply.text).toContain(faultToken(6));
    expect(() => JSON.parse(reply.text)).toThrow(SyntaxError);
  });

  it('truncated: the connection closes before the declared Content-Length arrived', async () => {
    const result = await rawLookUp(simulator.url, faultToken(7));
    expect(result.status).toBe(200);
    expect(result.received).toBeGreaterThan(0);
    expect(result.received).toBeLessThan(result.declaredLength!);
    expect(result.ended).not.toBe('complete');
    await expect(lookUpToken(simulator, faultToken(7))).rejects.toThrow();
  });

  it('reset: the connection is reset before any answer', async () => {
    const result = await rawLookUp(simulator.url, faultToken(8));
    expect(result.status).toBeUndefined();
    expect(result.ended).toBe('ECONNRESET');
  });

  it('hang: never answers, until the client gives up', async () => {
    const attempt = postLinkTokenGet(
      simulator,
      { link_token: faultToken(9) },
      PLAID_HEADERS,
      AbortSignal.timeout(300),
    );
    await expect(attempt).rejects.toThrow(/timeout|aborted/i);
  });
});

describe('a hanging request', () => {
  it('does not keep close() waiting', async () => {
    const simulator = await startSimulator();
    const attempt = rawLookUp(simulator.url, faultToken(9));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await simulator.close();
    expect((await attempt).status).toBeUndefined();
  });
});

describe('faults by configuration (SIMULATOR_FAULT)', () => {
  it.each([
    ['500', 500],
    ['503', 503],
    ['429', 429],
    ['502', 502],
  ])('%s hits every request, whatever the token or credentials', async (name, status) => {
    const simulator = await startSimulator({ fault: parseFault(name) });
    try {
      expect((await lookUpToken(simulator, SUCCESS)).status).toBe(status);
      const wrongKeys = await postLinkTokenGet(
        simulator,
        { link_token: SUCCESS },
        { ...PLAID_HEADERS, 'PLAID-SECRET': 'x' },
      );
      expect(wrongKeys.status).toBe(status);
    } finally {
      await simulator.close();
    }
  });

  it('latency:<ms> delays the normal answer', async () => {
    const simulator = await startSimulator({ fault: parseFault('latency:150') });
    try {
      const started = performance.now();
      const reply = await lookUpToken(simulator, SUCCESS);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
      expect(reply.json).toMatchObject({ link_token: SUCCESS });
    } finally {
      await simulator.close();
    }
  });

  it('malformed-json and truncated spoil the answer the token would have had', async () => {
    const malformed = await startSimulator({ fault: parseFault('malformed-json') });
    const truncated = await startSimulator({ fault: parseFault('truncated') });
    try {
      const reply = await lookUpToken(malformed, SUCCESS);
      expect(reply.text).toContain('First Platypus Bank');
      expect(() => JSON.parse(reply.text)).toThrow(SyntaxError);
      const cut = await rawLookUp(truncated.url, SUCCESS);
      expect(cut.received).toBeLessThan(cut.declaredLength!);
    } finally {
      await Promise.all([malformed.close(), truncated.close()]);
    }
  });

  it('reset and hang end the connection without an answer', async () => {
    const reset = await startSimulator({ fault: parseFault('reset') });
    const hang = await startSimulator({ fault: parseFault('hang') });
    try {
      expect((await rawLookUp(reset.url, SUCCESS)).ended).toBe('ECONNRESET');
      const attempt = postLinkTokenGet(
        hang,
        { link_token: SUCCESS },
        PLAID_HEADERS,
        AbortSignal.timeout(200),
      );
      await expect(attempt).rejects.toThrow();
    } finally {
      await Promise.all([reset.close(), hang.close()]);
    }
  });

  it('refuses an unknown fault name, listing the valid ones', () => {
    expect(() => parseFault('slow')).toThrow(
      /^SIMULATOR_FAULT must be one of latency:<ms>, .*malformed-json.*hang; got "slow"$/,
    );
  });
});
