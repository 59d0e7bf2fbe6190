import { z } from 'zod';
import { parseAuthUsers } from '../auth/auth-users';
import { wholeNumber } from '../config-number';
import type { AccessControl } from './access-control';
import { allowedHostList, findInvalidHostEntry, type AllowedHosts } from './allowed-hosts';
import {
  findInvalidProxyEntry,
  tooWideProblem,
  trustedProxyList,
  type TrustedProxies,
} from './trusted-proxies';

// The environment variables of access control and rate limiting, validated with the rest of the
// configuration in config.ts (which names the variable in every message).

export type SecurityConfig = {
  access: AccessControl;
  // Host names the server answers to besides the loopback ones (see middleware/allowed-hosts.ts).
  allowedHosts: AllowedHosts;
  // Reverse proxies whose X-Forwarded-Proto, and identity header in SSO mode, are believed.
  trustedProxies: TrustedProxies;
  rateLimitPerMinute: number;
};

const authUsers = z.string().transform((value, ctx) => {
  const result = parseAuthUsers(value);
  if (result.ok) return result.users;
  ctx.addIssue({ code: 'custom', message: `is not usable: ${result.problem}` });
  return z.NEVER;
});

function listEntries(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const hostList = z.string().transform((value, ctx) => {
  const entries = listEntries(value);
  const wrong = findInvalidHostEntry(entries);
  if (wrong === undefined) return allowedHostList(entries);
  ctx.addIssue({
    code: 'custom',
    message: `must list host names (inspector.example.com) or IP addresses ([fd00::1] for IPv6) separated by commas, without scheme, port or wildcard; "${wrong}" is none of these`,
  });
  return z.NEVER;
});

const proxyList = z.string().transform((value, ctx) => {
  const entries = listEntries(value);
  const wrong = findInvalidProxyEntry(entries);
  if (wrong !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `must list IP addresses or CIDR ranges (10.0.0.0/16) separated by commas; "${wrong}" is neither`,
    });
    return z.NEVER;
  }
  const tooWide = tooWideProblem(entries);
  if (tooWide !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `must not trust so many addresses (${tooWide}): anyone there could name any user and claim https; list your proxies' addresses or subnets`,
    });
    return z.NEVER;
  }
  return trustedProxyList(entries);
});

// Headers that carry something else than the proxy's word on who signed in: the browser's own
// credentials (an SSO proxy often passes Authorization on as it came), or what proxies add.
const NOT_IDENTITY_HEADERS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'host',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
];

export const SecurityEnvShape = {
  ALLOWED_HOSTS: hostList.optional(),
  AUTH_USERS: authUsers.optional(),
  AUTH_TRUSTED_HEADER: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]+$/, 'must be an HTTP header name such as X-Forwarded-User')
    .refine((name) => !NOT_IDENTITY_HEADERS.includes(name.toLowerCase()), {
      error: (issue) =>
        `cannot be ${String(issue.input)}: browsers or proxies set that header for their own purposes, so it does not ` +
        'name a signed-in user; use the header your SSO proxy sets, such as X-Forwarded-User',
    })
    .optional(),
  TRUSTED_PROXIES: proxyList.optional(),
  RATE_LIMIT_PER_MINUTE: wholeNumber({ min: 1, max: 1_000_000_000 }).default(120),
};

type SecurityEnv = {
  HOST: string;
  ALLOWED_HOSTS?: AllowedHosts | undefined;
  AUTH_USERS?: Map<string, string> | undefined;
  AUTH_TRUSTED_HEADER?: string | undefined;
  TRUSTED_PROXIES?: TrustedProxies | undefined;
  RATE_LIMIT_PER_MINUTE: number;
};

// Only the machine itself can reach a loopback address; anything else may be reachable from a
// network, and then the server must know who is asking.
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export function checkSecurityEnv(env: SecurityEnv, ctx: z.RefinementCtx): void {
  if (env.AUTH_USERS && env.AUTH_TRUSTED_HEADER) {
    ctx.addIssue({
      code: 'custom',
      path: ['AUTH_TRUSTED_HEADER'],
      message: 'cannot be combined with AUTH_USERS: choose one way of signing people in',
    });
  }
  if (env.AUTH_TRUSTED_HEADER && !env.TRUSTED_PROXIES?.rules.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['TRUSTED_PROXIES'],
      message:
        "must list the SSO proxy's IP addresses when AUTH_TRUSTED_HEADER is set (anyone else could send the header)",
    });
  }
  if (!isLoopbackHost(env.HOST) && !env.AUTH_USERS && !env.AUTH_TRUSTED_HEADER) {
    ctx.addIssue({
      code: 'custom',
      path: ['HOST'],
      message:
        'is not a loopback address, so the server would be reachable from the network without access control: ' +
        'set AUTH_USERS (users with bcrypt password hashes, see npm run hash-password) or AUTH_TRUSTED_HEADER ' +
        "and TRUSTED_PROXIES (an SSO proxy's identity header), or keep HOST=127.0.0.1",
    });
  }
  if (!isLoopbackHost(env.HOST) && !env.ALLOWED_HOSTS?.size) {
    ctx.addIssue({
      code: 'custom',
      path: ['ALLOWED_HOSTS'],
      message:
        'must list the names this server is reached by (inspector.example.com, as in the Host header it receives) ' +
        'when HOST is not a loopback address: requests to any other name are refused',
    });
  }
}

export function securityConfig(env: SecurityEnv): SecurityConfig {
  const access: AccessControl = env.AUTH_USERS
    ? { kind: 'basic', users: env.AUTH_USERS }
    : env.AUTH_TRUSTED_HEADER
      ? { kind: 'trusted-header', header: env.AUTH_TRUSTED_HEADER }
      : { kind: 'none' };
  return {
    access,
    allowedHosts: env.ALLOWED_HOSTS ?? allowedHostList([]),
    trustedProxies: env.TRUSTED_PROXIES ?? trustedProxyList([]),
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
  };
}
