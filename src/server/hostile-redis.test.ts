import bcrypt from 'bcryptjs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from './app';
import { loadConfig } from './config';
import type { CountingPlace } from './counters/counters';
import { FAILED_SIGN_INS_PER_MINUTE } from './middleware/sign-in-throttle';
import { createLogger } from './observability/logger';
import { resp, startFakeRedis, type FakeRedis, type ScriptAnswer } from './testing/fake-redis';
import { captureLogs, type LogCapture } from './testing/log-capture';

// What a broken or hostile Redis at REDIS_URL (a fake one, speaking Redis's protocol over TCP) can
// answer, and what becomes of the limits: a count that cannot be believed is a Redis failure, so
// the instance counts in its own memory (and says so), as it does while Redis is unreachable.

const LIMIT = 4;
const clientDir = mkdtempSync(join(tmpdir(), 'inspector-hostile-redis-'));
writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Link Token Inspector</title>');
afterAll(() => rmSync(clientDir, { recursive: true }));

const running: { app: App; redis: FakeRedis }[] = [];
afterEach(async () => {
  for (const { app, redis } of running.splice(0)) {
    await app.close();
    await redis.close();
  }
});

type Instance = { app: App; logs: LogCapture; redis: FakeRedis };

async function startInstance(
  answerScript: ScriptAnswer,
  env: Record<string, string> = {},
): Promise<Instance> {
  const redis = await startFakeRedis(answerScript);
  const logs = captureLogs();
  const config = loadConfig({ RATE_LIMIT_PER_MINUTE: String(LIMIT), REDIS_URL: redis.url, ...env });
  const app = createApp(
    { ...config, clientDir },
    { logger: createLogger({ level: 'info', destination: logs.destination }) },
  );
  running.push({ app, redis });
  await expect.poll(() => limitsOf(app), { timeout: 5_000 }).toBe('redis');
  return { app, logs, redis };
}

async function limitsOf(app: App): Promise<CountingPlace> {
  return ((await (await app.request('/readyz')).json()) as { limits: CountingPlace }).limits;
}

const warnings = (instance: Instance) =>
  instance.logs.lines().filter((line) => line.level === 'warn' && String(line.msg).includes('Redis is'));

describe('counts Redis answers that cannot be true', () => {
  it.each([
    ['a negative count', resp.array(resp.int(-5), resp.int(60_000)), 'not a whole number of 0 or more'],
    ['a count that is not a number', resp.array(resp.bulk('lots'), resp.int(60_000)), 'not a whole number'],
    ['a count with digits and more', resp.array(resp.bulk('7abc'), resp.int(60_000)), 'not a whole number'],
    ['a count without a window', resp.array(resp.int(1), resp.int(-1)), 'window'],
    ['no count at all', resp.bulk('OK'), 'something other than [count, milliseconds left]'],
  ])(
    '%s: a Redis failure, so the rate limit counts in memory and it is logged',
    async (_name, reply, reason) => {
      const instance = await startInstance((socket) => socket.write(reply));
      const statuses: number[] = [];
      for (let i = 0; i <= LIMIT; i++) statuses.push((await instance.app.request('/api/config')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
      expect(await limitsOf(instance.app)).toBe('memory-fallback');
      expect(warnings(instance)).toMatchObject([{ reason: expect.stringContaining(reason) }]);
    },
  );

  it('a negative count: the sign-in throttle counts in memory too', { timeout: 30_000 }, async () => {
    const users = `alice:${bcrypt.hashSync('alice-password', 10)}`;
    const instance = await startInstance(
      (socket) => socket.write(resp.array(resp.int(-100), resp.int(60_000))),
      {
        AUTH_USERS: users,
        RATE_LIMIT_PER_MINUTE: '1000',
      },
    );
    const as = (password: string) => ({
      headers: { Authorization: `Basic ${Buffer.from(`alice:${password}`).toString('base64')}` },
    });
    for (let i = 0; i < FAILED_SIGN_INS_PER_MINUTE; i++)
      expect((await instance.app.request('/api/config', as('guess'))).status).toBe(401);
    expect((await instance.app.request('/api/config', as('alice-password'))).status).toBe(429);
  });
});

describe('a Redis that streams an endless reply', () => {
  it('the request is answered after the command timeout, and the connection is dropped with the reply', async () => {
    let sent = 0;
    let streaming = 0;
    const instance = await startInstance((socket) => {
      // A gigabyte announced, then 64 KB a millisecond for as long as the connection stays open.
      socket.write('$1073741824\r\n');
      streaming += 1;
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const timer = setInterval(() => {
        if (socket.destroyed) return clearInterval(timer);
        socket.write(chunk);
        sent += chunk.length;
      }, 1);
      socket.on('close', () => {
        clearInterval(timer);
        streaming -= 1;
      });
    });
    const started = performance.now();
    expect((await instance.app.request('/api/config')).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1_000);
    // The connection that was streaming is closed, not left to fill memory for nobody.
    await expect.poll(() => streaming, { timeout: 1_000 }).toBe(0);
    const sentWhenClosed = sent;
    await sleep(200);
    expect(sent).toBe(sentWhenClosed);
    expect(warnings(instance)).toMatchObject([{ reason: 'Command timed out' }]);
  });
});
