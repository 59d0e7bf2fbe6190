import { z } from 'zod';
import type { PlaidEnvironment } from '../shared/link-token';
import { NOT_PRINTABLE_ASCII, PRINTABLE_ASCII } from '../shared/schemas/link-token-get-request';
import {
  checkSecurityEnv,
  securityConfig,
  SecurityEnvShape,
  type SecurityConfig,
} from './middleware/security-config';
import { wholeNumber } from './config-number';
import { LOG_LEVELS, type LogLevel } from './observability/logger';
import type { StoreConfig } from './store/store';
import { SIMULATOR_CLIENT_ID, SIMULATOR_SECRET } from '../simulator';

// Everything the server reads from its environment, validated once at start-up so that a typo
// stops the server with a message naming the variable instead of failing on the first lookup.

export type Config = {
  port: number;
  host: string;
  // 'simulator': answers come from the built-in Plaid simulator; 'plaid': from Plaid itself.
  mode: 'simulator' | 'plaid';
  plaid: {
    // The server's own credentials, used when a request brings none. In simulator mode these are
    // the simulator's, so lookups work with no set-up at all.
    clientId: string | undefined;
    secrets: Record<PlaidEnvironment, string | undefined>;
    // Upstream base URLs per environment; only ever from configuration, never from a request.
    urls: Record<PlaidEnvironment, string>;
    timeoutMs: number;
    maxResponseBytes: number;
    // The bytes of all answers being read at once (see upstream/bytes-in-flight.ts).
    maxBytesInFlight: number;
  };
  allowRequestCredentials: boolean;
  logLevel: LogLevel;
  // Where the built browser app lives (relative to the working directory, like `npm start` runs).
  clientDir: string;
  // Access control, trusted proxies and rate limit (see middleware/security-config.ts).
  security: SecurityConfig;
  // Where the rate limit and the sign-in throttle count (see counters/): one Redis shared by every
  // instance, or, when unset, each process's own memory.
  redisUrl: string | undefined;
  // Where kept answers live (store/): PostgreSQL at DATABASE_URL, else PGlite in DATA_DIR.
  store: StoreConfig;
  // The server's address as people reach it (PUBLIC_URL), so that permalinks are absolute.
  publicUrl: string | undefined;
  // The recorder (recorder/): its fastest pace and its polls per minute on each instance.
  recorder: { pollMs: number; maxPerMinute: number };
  // POST /api/webhooks/plaid (webhooks/): a second port serving only it (WEBHOOK_PORT), requests a
  // minute per caller address, and tokens the store has not seen that webhooks may add a minute.
  webhooks: { port: number | undefined; perMinute: number; newTokensPerMinute: number };
};

const MEGABYTE = 1024 * 1024;

const httpUrl = z
  .url({
    protocol: /^https?$/,
    error: 'must be an http(s) URL such as https://sandbox.plaid.com',
    abort: true,
  })
  // Secrets never belong in URLs: they end up in logs, error messages and process listings. A bare
  // `?` or `#` counts too: the URL parser calls it empty, but Plaid's paths, appended to the base,
  // would land in the query or fragment and every lookup would go to `POST /`.
  .refine((value) => {
    const url = new URL(value);
    return url.username === '' && url.password === '' && !value.includes('?') && !value.includes('#');
  }, "must not contain a user name, password, query or fragment (nothing from a `?` or `#` on, even empty): secrets never belong in URLs, and the paths of Plaid's endpoints are added to its end");
const redisUrl = z
  .url({
    protocol: /^rediss?$/,
    error: 'must be a redis:// or rediss:// URL such as redis://redis.internal:6379',
    abort: true,
  })
  // The Redis client reads a URL without a host as localhost:6379 and a path that is not a number
  // as database 0: neither is what the operator meant, and both would count somewhere else.
  .superRefine((value, ctx) => {
    const url = new URL(value);
    if (url.hostname === '') {
      ctx.addIssue({
        code: 'custom',
        message:
          'must name a host, such as redis://redis.internal:6379 (Unix sockets such as redis:///tmp/redis.sock are not supported)',
      });
    } else if (!/^\/?\d*$/.test(url.pathname)) {
      ctx.addIssue({
        code: 'custom',
        message: 'may end in a database number and nothing else, such as redis://redis.internal:6379/2',
      });
    }
  });
const databaseUrl = z.url({
  protocol: /^postgres(ql)?$/,
  error: 'must be a postgres:// URL such as postgres://inspector@db.internal:5432/inspector',
});
const flag = z.stringbool({ error: 'must be true or false' });
const text = z.string().trim().min(1);
// Sent to Plaid in HTTP headers (see shared/schemas/link-token-get-request.ts).
const credential = text.regex(PRINTABLE_ASCII, NOT_PRINTABLE_ASCII);
// Answers that hold one of the server's secrets are refused (upstream/secret-echo.ts): a very short
// one would turn up in ordinary answers by chance.
const MIN_SECRET_CHARS = 12;
const serverSecret = credential.min(
  MIN_SECRET_CHARS,
  `must be at least ${MIN_SECRET_CHARS} characters (Plaid's secrets are 30): answers that contain the server's secret are refused, and a shorter one would turn up in ordinary answers`,
);

const EnvSchema = z
  .object({
    PORT: wholeNumber({ min: 0, max: 65_535 }).default(3000),
    HOST: text.default('127.0.0.1'),
    PLAID_UPSTREAM: z.enum(['simulator', 'plaid'], { error: 'must be simulator or plaid' }).optional(),
    PLAID_CLIENT_ID: credential.optional(),
    PLAID_SECRET_SANDBOX: serverSecret.optional(),
    PLAID_SECRET_PRODUCTION: serverSecret.optional(),
    PLAID_SANDBOX_URL: httpUrl.default('https://sandbox.plaid.com'),
    PLAID_PRODUCTION_URL: httpUrl.default('https://production.plaid.com'),
    PLAID_TIMEOUT_MS: wholeNumber({ min: 100, max: 300_000, unit: 'milliseconds' }).default(10_000),
    UPSTREAM_MAX_BYTES: wholeNumber({ min: 1024, max: 256 * MEGABYTE, unit: 'bytes' }).default(20 * MEGABYTE),
    UPSTREAM_MAX_BYTES_IN_FLIGHT: wholeNumber({ min: 1024, max: 4096 * MEGABYTE, unit: 'bytes' }).default(
      100 * MEGABYTE,
    ),
    ALLOW_REQUEST_CREDENTIALS: flag.default(true),
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    REDIS_URL: redisUrl.optional(),
    DATABASE_URL: databaseUrl.optional(),
    DATA_DIR: text.default('./data'),
    STORE_RETENTION_DAYS: wholeNumber({ min: 1, max: 3650, unit: 'days' }).default(30),
    PUBLIC_URL: httpUrl.optional(),
    RECORDER_POLL_MS: wholeNumber({ min: 10, max: 600_000, unit: 'milliseconds' }).default(5_000),
    // Well below what Plaid allows a client on /link/token/get, leaving room for people's lookups.
    RECORDER_MAX_PER_MINUTE: wholeNumber({ min: 1, max: 10_000, unit: 'polls' }).default(120),
    WEBHOOK_PORT: wholeNumber({ min: 0, max: 65_535 }).optional(),
    WEBHOOK_RATE_LIMIT_PER_MINUTE: wholeNumber({ min: 1, max: 1_000_000_000 }).default(600),
    WEBHOOK_NEW_TOKENS_PER_MINUTE: wholeNumber({ min: 1, max: 1_000_000_000 }).default(120),
    ...SecurityEnvShape,
  })
  // Rules that involve more than one variable. Each names the variable to fix.
  .superRefine((env, ctx) => {
    checkSecurityEnv(env, ctx);
    if (env.UPSTREAM_MAX_BYTES_IN_FLIGHT < env.UPSTREAM_MAX_BYTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['UPSTREAM_MAX_BYTES_IN_FLIGHT'],
        message:
          'must be at least UPSTREAM_MAX_BYTES, or an answer of the largest size allowed could never be read',
      });
    }
    const hasSecret = env.PLAID_SECRET_SANDBOX !== undefined || env.PLAID_SECRET_PRODUCTION !== undefined;
    if (hasSecret && env.PLAID_CLIENT_ID === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['PLAID_CLIENT_ID'],
        message: 'is required when a PLAID_SECRET_* is set',
      });
    }
    const mode = env.PLAID_UPSTREAM ?? (env.PLAID_CLIENT_ID ? 'plaid' : 'simulator');
    if (mode === 'plaid' && !env.ALLOW_REQUEST_CREDENTIALS && !hasSecret) {
      ctx.addIssue({
        code: 'custom',
        path: ['ALLOW_REQUEST_CREDENTIALS'],
        message:
          'is false but no PLAID_SECRET_SANDBOX or PLAID_SECRET_PRODUCTION is set, so no lookup could work',
      });
    }
  });

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = EnvSchema.safeParse(withoutEmptyValues(env));
  if (!parsed.success) {
    // Values are never echoed: some of these variables are secrets.
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}.`);
  }
  const vars = parsed.data;
  const mode = vars.PLAID_UPSTREAM ?? (vars.PLAID_CLIENT_ID ? 'plaid' : 'simulator');
  return {
    port: vars.PORT,
    host: vars.HOST,
    mode,
    plaid: {
      clientId: mode === 'simulator' ? SIMULATOR_CLIENT_ID : vars.PLAID_CLIENT_ID,
      secrets:
        mode === 'simulator'
          ? { sandbox: SIMULATOR_SECRET, production: SIMULATOR_SECRET }
          : { sandbox: vars.PLAID_SECRET_SANDBOX, production: vars.PLAID_SECRET_PRODUCTION },
      urls: {
        sandbox: withoutTrailingSlash(vars.PLAID_SANDBOX_URL),
        production: withoutTrailingSlash(vars.PLAID_PRODUCTION_URL),
      },
      timeoutMs: vars.PLAID_TIMEOUT_MS,
      maxResponseBytes: vars.UPSTREAM_MAX_BYTES,
      maxBytesInFlight: vars.UPSTREAM_MAX_BYTES_IN_FLIGHT,
    },
    allowRequestCredentials: vars.ALLOW_REQUEST_CREDENTIALS,
    logLevel: vars.LOG_LEVEL,
    clientDir: 'dist/client',
    security: securityConfig(vars),
    redisUrl: vars.REDIS_URL,
    store: {
      location: vars.DATABASE_URL ? { databaseUrl: vars.DATABASE_URL } : { dataDir: vars.DATA_DIR },
      retentionDays: vars.STORE_RETENTION_DAYS,
    },
    publicUrl: vars.PUBLIC_URL && withoutTrailingSlash(vars.PUBLIC_URL),
    recorder: { pollMs: vars.RECORDER_POLL_MS, maxPerMinute: vars.RECORDER_MAX_PER_MINUTE },
    webhooks: {
      port: vars.WEBHOOK_PORT,
      perMinute: vars.WEBHOOK_RATE_LIMIT_PER_MINUTE,
      newTokensPerMinute: vars.WEBHOOK_NEW_TOKENS_PER_MINUTE,
    },
  };
}

// Deployment tools often set a variable to '' to mean "unset"; treat it so, rather than as a value.
function withoutEmptyValues(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') result[name] = value;
  }
  return result;
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
