import {
  MemoryStore,
  RedisStore,
  type ClientRateLimitInfo,
  type HonoConfigType,
  type Promisify,
  type Store,
} from 'hono-rate-limiter';
import type { Logger } from 'pino';
import { connectRedis, type RedisConnection } from './redis-connection';

// Where the rate limit and the sign-in throttle keep their counts. Without REDIS_URL, in this
// process's memory. With it, in Redis, so that every instance behind a load balancer enforces one
// limit; while Redis is unreachable each instance counts in its own memory again (a limit per
// instance beats refusing every request, or waiting on Redis), and Redis takes over once it is back.
// The counts kept in memory meanwhile are not copied to Redis: each window lasts a minute anyway.
//
// Both kinds of counting are hono-rate-limiter's stores (MemoryStore, RedisStore): fixed windows
// that start at a key's first count. What is counted, under which key, is the caller's business.

// A hono-rate-limiter store whose get() is always there (the sign-in throttle reads counts). It
// comes initialised, so it has no init() for the limiter to call.
export type CounterStore = Omit<Store, 'init'> & {
  get(key: string): Promisify<ClientRateLimitInfo | undefined>;
};

// What /readyz reports: 'memory-fallback' means REDIS_URL is set but Redis cannot be reached.
export type CountingPlace = 'memory' | 'redis' | 'memory-fallback';

export type Counters = {
  // A store for one use; `name` keeps its keys apart from other uses' in Redis.
  store(name: string, windowMs: number): CounterStore;
  place(): CountingPlace;
  close(): Promise<void>;
};

export function memoryCounters(): Counters {
  return {
    store: (_name, windowMs) => memoryStore(windowMs),
    place: () => 'memory',
    close: async () => {},
  };
}

export function redisCounters(url: string, logger: Logger): Counters {
  const connection = connectRedis(url, logger);
  return {
    store: (name, windowMs) => {
      const redis = new RedisStore({ client: connection.client, prefix: `lti:${name}:` });
      redis.init(storeOptions(windowMs));
      return redisWhileUp(connection, redis, memoryStore(windowMs));
    },
    place: () => (connection.state() === 'up' ? 'redis' : 'memory-fallback'),
    close: () => connection.close(),
  };
}

function redisWhileUp(connection: RedisConnection, redis: RedisStore, memory: MemoryStore): CounterStore {
  async function countIn<T>(inRedis: () => Promise<T>, inMemory: () => T): Promise<T> {
    if (connection.state() === 'up') {
      try {
        return await inRedis();
      } catch {
        // The connection has logged the outage; this count, and the next ones, go to memory.
      }
    }
    return inMemory();
  }
  return {
    // RedisStore answers a key it does not hold with a NaN count; memory answers undefined.
    get: (key) =>
      countIn(
        async () => {
          const info = await redis.get(key);
          return info && info.totalHits > 0 ? info : undefined;
        },
        () => memory.get(key),
      ),
    increment: (key) =>
      countIn(
        () => redis.increment(key),
        () => memory.increment(key),
      ),
    decrement: (key) =>
      countIn(
        () => redis.decrement(key),
        () => memory.decrement(key),
      ),
    resetKey: (key) =>
      countIn(
        () => redis.resetKey(key),
        () => memory.resetKey(key),
      ),
  };
}

function memoryStore(windowMs: number): MemoryStore {
  const store = new MemoryStore();
  store.init(storeOptions(windowMs));
  return store;
}

// Both stores read only windowMs from the limiter options they are initialised with.
function storeOptions(windowMs: number): HonoConfigType {
  return { windowMs } as HonoConfigType;
}
