import bcrypt from 'bcryptjs';
import { Redis } from 'ioredis';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from './app';
import { loadConfig } from './config';
import type { CountingPlace } from './counters/counters';
import { FAILED_SIGN_INS_PER_MINUTE } from './middleware/sign-in-throttle';
import { captureLogs, type LogCapture } from './testing/log-capture';
import { createLogger } from './observability/logger';
import { closedPortUrl, startFakeUpstream, type FakeUpstream } from './testing/fake-upstream';
import { startTestRedis, type TestRedis } from './testing/redis-server';

// Two server instances, as two apps built from the same configuration, in front of one real
// redis-server (started here, on a free port): they must enforce one per-user rate limit and one
// sign-in throttle, keep answering when Redis goes away (counting in their own memory meanwhile),
// and count in Redis again once it is back.

const LIMIT = 4;
const users = ['alice', 'bob'].map((name) => `${name}:${bcrypt.hashSync(`${name}-password`, 10)}`).join(',');
const signedIn = (name: string) => basic(name, `${name}-password`);
const wrongPassword = (name: string) => basic(name, 'guess');

function basic(name: string, password: string): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}` };
}

const clientDir = mkdtempSync(join(tmpdir(), 'inspector-redis-'));
writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Link Token Inspector</title>');

let redis: TestRedis;
let upstream: FakeUpstream;
beforeAll(async () => {
  // Fails, with what to install, when redis-server is missing: these tests are never skipped.
  redis = await startTestRedis();
  upstream = await startFakeUpstream();
});
afterAll(async () => {
  await redis?.stop();
  await upstream?.close();
  rmSync(clientDir, { recursive: true });
});

// Every test starts from an empty Redis and new instances (with empty memories).
beforeEach(async () => {
  const client = new Redis(redis.url);
  await client.flushall();
  await client.quit();
});
const running: App[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
  // Whatever a test did to Redis, even one that failed half-way, the next finds it running.
  redis.resume();
  await redis.start();
});

type Instance = { app: App; logs: LogCapture };

function startInstance(redisUrl = redis.url): Instance {
  const logs = captureLogs();
  const config = loadConfig({
    PLAID_UPSTREAM: 'plaid',
    PLAID_SANDBOX_URL: upstream.url,
    PLAID_PRODUCTION_URL: upstream.url,
    AUTH_USERS: users,
    RATE_LIMIT_PER_MINUTE: String(LIMIT),
    REDIS_URL: redisUrl,
  });
  const app = createApp(
    { ...config, clientDir },
    { logger: createLogger({ level: 'info', destination: logs.destination }) },
  );
  running.push(app);
  return { app, logs };
}

const ask = (instance: Instance, headers: Record<string, string>) =>
  instance.app.request('/api/config', { headers });

async function limitsOf(instance: Instance): Promise<{ status: number; limits: CountingPlace }> {
  const response = await instance.app.request('/readyz');
  return { status: response.status, limits: ((await response.json()) as { limits: CountingPlace }).limits };
}

// Connecting, and reconnecting after an outage, takes a moment.
async function untilCountingIn(place: CountingPlace, ...instances: Instance[]): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (const instance of instances) {
    while ((await limitsOf(instance)).limits !== place) {
      if (Date.now() > deadline) throw new Error(`limits still not counted in ${place} after 5 s`);
      await sleep(50);
    }
  }
}

const linesSaying = (instance: Instance, level: string, words: string) =>
  instance.logs.lines().filter((line) => line.level === level && String(line.msg).includes(words));

describe('with REDIS_URL, instances share their limits', () => {
  it('enforce one per-user rate limit between them', async () => {
    const a = startInstance();
    const b = startInstance();
    await untilCountingIn('redis', a, b);

    const remaining: (string | null)[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const response = await ask(i % 2 === 0 ? a : b, signedIn('alice'));
      expect(response.status).toBe(200);
      remaining.push(response.headers.get('RateLimit-Remaining'));
    }
    expect(remaining).toEqual(['3', '2', '1', '0']);
    // Each instance alone has seen only half the limit, and still refuses.
    expect((await ask(a, signedIn('alice'))).status).toBe(429);
    expect((await ask(b, signedIn('alice'))).status).toBe(429);
    expect((await ask(a, signedIn('bob'))).status).toBe(200);
  });

  it('enforce one sign-in throttle between them', async () => {
    const a = startInstance();
    const b = startInstance();
    await untilCountingIn('redis', a, b);

    for (let i = 0; i < FAILED_SIGN_INS_PER_MINUTE; i++)
      expect((await ask(i % 2 === 0 ? a : b, wrongPassword('alice'))).status).toBe(401);
    for (const instance of [a, b]) {
      const refused = await ask(instance, signedIn('alice'));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    }
  });

  it('count each password check in Redis before it runs, so guesses sent at once get no more than the limit', async () => {
    const a = startInstance();
    const b = startInstance();
    await untilCountingIn('redis', a, b);

    const guesses = Array.from({ length: 60 }, (_, i) =>
      i === 45 ? signedIn('alice') : basic('alice', `guess-${i}`),
    );
    const answers = await Promise.all(guesses.map(async (headers, i) => ask(i % 2 === 0 ? a : b, headers)));
    const statuses = answers.map((response) => response.status);
    // Every 401 is a password bcrypt checked; the others were refused before any check.
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(
      FAILED_SIGN_INS_PER_MINUTE,
    );
    expect(statuses.every((status) => [401, 429, 503].includes(status))).toBe(true);
    expect(statuses[45]).toBe(429);
  });

  it('count a page load of requests with the right password as nothing', async () => {
    const a = startInstance();
    await untilCountingIn('redis', a);
    const pageLoad = await Promise.all(
      Array.from({ length: FAILED_SIGN_INS_PER_MINUTE + 2 }, async () =>
        a.app.request('/', { headers: signedIn('bob') }),
      ),
    );
    expect(pageLoad.map((response) => response.status)).toEqual(pageLoad.map(() => 200));
    const client = new Redis(redis.url);
    const counted = await client.mget('lti:sign-in:user:bob', 'lti:sign-in:address:unknown');
    await client.quit();
    expect(counted.map(Number)).toEqual([0, 0]);
  });
});

describe('the database REDIS_URL names', () => {
  it('is where the counts go', async () => {
    const a = startInstance(`${redis.url}/2`);
    await untilCountingIn('redis', a);
    expect((await ask(a, signedIn('alice'))).status).toBe(200);
    const client = new Redis(redis.url);
    try {
      expect(await client.dbsize()).toBe(0);
      await client.select(2);
      expect(await client.keys('lti:rate-limit:*')).toEqual(['lti:rate-limit:alice']);
    } finally {
      await client.quit();
    }
  });

  it('that Redis does not have: Redis is down, counts stay in memory, never in database 0', async () => {
    // Redis has 16 databases (0-15) unless told otherwise.
    const a = startInstance(`${redis.url}/99`);
    // Longer than connecting and a check of Redis's health take.
    await sleep(1_500);
    expect(await limitsOf(a)).toEqual({ status: 200, limits: 'memory-fallback' });
    for (let i = 0; i < LIMIT; i++) expect((await ask(a, signedIn('alice'))).status).toBe(200);
    expect((await ask(a, signedIn('alice'))).status).toBe(429);
    const client = new Redis(redis.url);
    try {
      expect(await client.dbsize()).toBe(0);
    } finally {
      await client.quit();
    }
    expect(linesSaying(a, 'warn', 'Redis is unreachable')).toMatchObject([
      { reason: expect.stringContaining('DB index is out of range') },
    ]);
    expect(linesSaying(a, 'info', 'Redis connected')).toHaveLength(0);
  });
});

describe('when Redis goes away, instances count on their own until it is back', () => {
  it('Redis stopped, then restarted', { timeout: 30_000 }, async () => {
    const a = startInstance();
    const b = startInstance();
    await untilCountingIn('redis', a, b);
    expect((await ask(a, signedIn('alice'))).status).toBe(200);

    await redis.stop();
    // Still answering, and ready, but saying that limits are counted per instance.
    expect((await ask(a, signedIn('alice'))).status).toBe(200);
    expect(await limitsOf(a)).toEqual({ status: 200, limits: 'memory-fallback' });
    expect((await ask(b, signedIn('alice'))).status).toBe(200);
    expect(await limitsOf(b)).toEqual({ status: 200, limits: 'memory-fallback' });
    // Each instance enforces the limit in its own memory: a refuses, b has counted one request.
    for (let i = 1; i < LIMIT; i++) expect((await ask(a, signedIn('alice'))).status).toBe(200);
    expect((await ask(a, signedIn('alice'))).status).toBe(429);
    expect((await ask(b, signedIn('alice'))).status).toBe(200);
    // The sign-in throttle too.
    for (let i = 0; i < FAILED_SIGN_INS_PER_MINUTE; i++)
      expect((await ask(a, wrongPassword('bob'))).status).toBe(401);
    expect((await ask(a, signedIn('bob'))).status).toBe(429);
    expect((await ask(b, signedIn('bob'))).status).toBe(200);
    // Many requests and reconnection attempts later, one warning per instance for the outage.
    await sleep(1_000);
    for (const instance of [a, b]) {
      expect(linesSaying(instance, 'warn', 'Redis is unreachable')).toHaveLength(1);
    }

    await redis.start();
    await untilCountingIn('redis', a, b);
    for (const instance of [a, b]) {
      expect(linesSaying(instance, 'info', 'Redis is reachable again')).toHaveLength(1);
      expect(linesSaying(instance, 'warn', 'Redis is unreachable')).toHaveLength(1);
    }
    // Counting is shared again, in the restarted (empty) Redis; what memory counted is left behind.
    for (let i = 0; i < LIMIT; i++)
      expect((await ask(i % 2 === 0 ? a : b, signedIn('bob'))).status).toBe(200);
    expect((await ask(a, signedIn('bob'))).status).toBe(429);
    expect((await ask(b, signedIn('bob'))).status).toBe(429);
  });

  it('Redis stops answering, then answers again', { timeout: 30_000 }, async () => {
    const a = startInstance();
    const b = startInstance();
    await untilCountingIn('redis', a, b);

    redis.pause();
    try {
      // Answered, not held until Redis answers: the count goes to memory.
      expect((await ask(a, signedIn('alice'))).status).toBe(200);
      expect(await limitsOf(a)).toEqual({ status: 200, limits: 'memory-fallback' });
      expect(linesSaying(a, 'warn', 'Redis is unreachable')).toHaveLength(1);
    } finally {
      redis.resume();
    }

    await untilCountingIn('redis', a);
    for (let i = 0; i < LIMIT; i++)
      expect((await ask(i % 2 === 0 ? a : b, signedIn('bob'))).status).toBe(200);
    expect((await ask(a, signedIn('bob'))).status).toBe(429);
    expect((await ask(b, signedIn('bob'))).status).toBe(429);
  });

  it('Redis unreachable from the start: the instance answers, counting in memory', async () => {
    const nowhere = (await closedPortUrl()).replace('http://', 'redis://:redis-password@');
    const a = startInstance(nowhere);

    expect((await ask(a, signedIn('alice'))).status).toBe(200);
    await sleep(1_000);
    expect((await ask(a, signedIn('alice'))).status).toBe(200);
    expect(await limitsOf(a)).toEqual({ status: 200, limits: 'memory-fallback' });
    expect(linesSaying(a, 'warn', 'Redis is unreachable')).toHaveLength(1);
    // The warning names Redis by host and port, never with the password its URL carries.
    expect(a.logs.text()).toContain(new URL(nowhere).host);
    expect(a.logs.text()).not.toContain('redis-password');
  });
});
