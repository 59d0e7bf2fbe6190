import { createHash } from 'node:crypto';
import type { RedisClient } from 'hono-rate-limiter';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { checkCountReply } from './count-reply';

// The one Redis connection of a server process (REDIS_URL), and what it knows about Redis's health.
//
// Counting must never hold a request up: while Redis is away, counts go to memory instead (see
// counters.ts). So commands are never queued while disconnected (enableOfflineQueue: false fails
// them at once), never resent after a reconnect (maxRetriesPerRequest: 0), and a Redis that has
// stopped answering is given COMMAND_TIMEOUT_MS; Redis on the same network answers in well under
// a millisecond. The client keeps reconnecting in the background, at most RECONNECT_MAX_MS apart.
// A command that timed out drops its connection (and the client reconnects): a reply still arriving
// would otherwise keep being read into memory for nobody, and a Redis that streams a huge reply
// could fill it. The client closes a connection by ending it and waiting DISCONNECT_TIMEOUT_MS for
// Redis to close its side, which a Redis that is still sending never does.
const CONNECT_TIMEOUT_MS = 1_000;
const COMMAND_TIMEOUT_MS = 250;
const RECONNECT_MAX_MS = 1_000;
const PROBE_INTERVAL_MS = 1_000;
const DISCONNECT_TIMEOUT_MS = 0;
const TIMED_OUT = 'Command timed out';

// 'connecting' until the first connection is ready; 'down' from the first failure of an outage
// until Redis answers again.
export type RedisState = 'connecting' | 'up' | 'down';

export type RedisConnection = {
  // The client as hono-rate-limiter's RedisStore calls it. It refuses at once unless Redis is up.
  client: RedisClient;
  state(): RedisState;
  close(): Promise<void>;
};

export function connectRedis(url: string, logger: Logger): RedisConnection {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    disconnectTimeout: DISCONNECT_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 100, RECONNECT_MAX_MS),
  });
  // Host and port only: the URL may carry Redis's password.
  const where = { redis: `${redis.options.host}:${redis.options.port}` };
  // The database the URL names (configuration allows only digits there). The client selects it on
  // every connection but, if Redis refuses (no such database), carries on in database 0: so Redis
  // counts as up only once it has accepted SELECT from us.
  const database = Number(redis.options.db ?? 0);
  let state: RedisState = 'connecting';
  let closed = false;
  let probe: NodeJS.Timeout | undefined;

  function markUp(): void {
    if (state === 'up' || closed) return;
    logger.info(
      where,
      state === 'down'
        ? 'Redis is reachable again: the rate limit and the sign-in throttle count in Redis again'
        : 'Redis connected: the rate limit and the sign-in throttle count in Redis, shared by every instance',
    );
    state = 'up';
    clearInterval(probe);
  }

  // Logs once per outage, however many requests meet it.
  function markDown(reason: string): void {
    if (state === 'down' || closed) return;
    state = 'down';
    logger.warn(
      { ...where, reason },
      "Redis is unreachable or misbehaving: the rate limit and the sign-in throttle count in this instance's memory " +
        'until it returns, so each instance enforces its own limits',
    );
    // A Redis that stopped answering keeps its connection open, so no reconnect will announce that
    // it answers again: ask it now and then.
    probe = setInterval(() => {
      if (redis.status === 'ready') confirmUp();
    }, PROBE_INTERVAL_MS);
    probe.unref();
  }

  // Up once Redis answers on the right database.
  function confirmUp(): void {
    const answered = database === 0 ? redis.ping() : redis.select(database);
    answered.then(markUp, (error: unknown) =>
      markDown(
        `Redis did not select database ${database}: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }

  redis.on('ready', confirmUp);
  redis.on('error', (error: Error) => markDown(error.message));
  redis.on('close', () => markDown('connection closed'));

  async function send<T>(command: () => Promise<T>): Promise<T> {
    // Also stops RedisStore's own retry of a failed command from waiting a second time.
    if (state !== 'up') throw new Error('Redis is unreachable');
    try {
      return await command();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      markDown(reason);
      if (reason === TIMED_OUT) redis.disconnect(true);
      throw error;
    }
  }

  // RedisStore loads its Lua scripts once, when it is made (before any connection exists) and runs
  // them by SHA1. Here the SHA1 is computed locally, and a script that Redis does not hold (first
  // use, or a Redis restarted empty) is sent whole with EVAL, which also caches it in Redis.
  const scripts = new Map<string, string>();
  async function runScript(sha: string, keys: string[], args: string[]): Promise<unknown> {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      const script = scripts.get(sha);
      if (!(error instanceof Error && error.message.startsWith('NOSCRIPT')) || script === undefined)
        throw error;
      return redis.eval(script, keys.length, ...keys, ...args);
    }
  }

  const client: RedisClient = {
    scriptLoad: async (script) => {
      const sha = createHash('sha1').update(script).digest('hex');
      scripts.set(sha, script);
      return sha;
    },
    evalsha: <TArgs extends unknown[], TData = unknown>(sha: string, keys: string[], args: TArgs) =>
      send(() => runScript(sha, keys, args.map(String)).then(checkCountReply)) as Promise<TData>,
    decr: (key) => send(() => redis.decr(key)),
    del: (key) => send(() => redis.del(key)),
  };

  return {
    client,
    state: () => state,
    async close() {
      closed = true;
      clearInterval(probe);
      try {
        await redis.quit();
      } catch {
        // Not connected, or Redis does not answer: drop the connection without saying goodbye.
        redis.disconnect();
      }
    },
  };
}
