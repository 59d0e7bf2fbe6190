import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { SIMULATOR_CLIENT_ID, SIMULATOR_SECRET } from '../simulator';

describe('loadConfig', () => {
  it('starts in simulator mode on 127.0.0.1:3000 with nothing configured', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      mode: 'simulator',
      allowRequestCredentials: true,
      logLevel: 'info',
    });
    expect(config.plaid).toMatchObject({
      clientId: SIMULATOR_CLIENT_ID,
      secrets: { sandbox: SIMULATOR_SECRET, production: SIMULATOR_SECRET },
      urls: { sandbox: 'https://sandbox.plaid.com', production: 'https://production.plaid.com' },
      timeoutMs: 10_000,
      maxResponseBytes: 20 * 1024 * 1024,
    });
  });

  it('paces the recorder at 5 s at the fastest and 120 polls a minute per instance unless told', () => {
    expect(loadConfig({}).recorder).toEqual({ pollMs: 5_000, maxPerMinute: 120 });
    expect(loadConfig({ RECORDER_POLL_MS: '50', RECORDER_MAX_PER_MINUTE: '30' }).recorder).toEqual({
      pollMs: 50,
      maxPerMinute: 30,
    });
  });

  it('uses real Plaid with the server credentials once PLAID_CLIENT_ID is set', () => {
    const config = loadConfig({ PLAID_CLIENT_ID: 'client-1', PLAID_SECRET_SANDBOX: 'sandbox-secret' });
    expect(config.mode).toBe('plaid');
    expect(config.plaid.clientId).toBe('client-1');
    expect(config.plaid.secrets).toEqual({ sandbox: 'sandbox-secret', production: undefined });
  });

  it('honours an explicit PLAID_UPSTREAM either way', () => {
    expect(loadConfig({ PLAID_UPSTREAM: 'plaid' }).mode).toBe('plaid');
    expect(loadConfig({ PLAID_UPSTREAM: 'simulator', PLAID_CLIENT_ID: 'client-1' }).mode).toBe('simulator');
  });

  it('reads every variable and strips a trailing slash from the base URLs', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      ALLOWED_HOSTS: 'inspector.example.com',
      PLAID_SANDBOX_URL: 'http://127.0.0.1:4010/',
      PLAID_PRODUCTION_URL: 'http://127.0.0.1:4011',
      PLAID_TIMEOUT_MS: '2500',
      UPSTREAM_MAX_BYTES: '1024',
      ALLOW_REQUEST_CREDENTIALS: 'false',
      LOG_LEVEL: 'debug',
      PLAID_CLIENT_ID: 'client-1',
      PLAID_SECRET_PRODUCTION: 'production-secret',
      // Any HOST but loopback needs access control.
      AUTH_TRUSTED_HEADER: 'X-Forwarded-User',
      TRUSTED_PROXIES: '10.0.0.5',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      allowRequestCredentials: false,
      logLevel: 'debug',
    });
    expect(config.plaid).toMatchObject({
      urls: { sandbox: 'http://127.0.0.1:4010', production: 'http://127.0.0.1:4011' },
      timeoutMs: 2500,
      maxResponseBytes: 1024,
    });
  });

  it('counts limits in Redis only when REDIS_URL is set', () => {
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(loadConfig({ REDIS_URL: 'redis://:pass@redis.internal:6380/2' }).redisUrl).toBe(
      'redis://:pass@redis.internal:6380/2',
    );
    expect(loadConfig({ REDIS_URL: 'rediss://redis.internal' }).redisUrl).toBe('rediss://redis.internal');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', PLAID_CLIENT_ID: '' })).toMatchObject({ port: 3000, mode: 'simulator' });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PLAID_UPSTREAM', 'mock'],
    ['PLAID_SANDBOX_URL', 'sandbox.plaid.com'],
    ['PLAID_PRODUCTION_URL', 'ftp://production.plaid.com'],
    ['PLAID_SANDBOX_URL', 'https://user:password@sandbox.plaid.com'],
    ['PLAID_PRODUCTION_URL', 'https://key@production.plaid.com'],
    ['PLAID_SANDBOX_URL', 'https://sandbox.plaid.com/?key=value'],
    ['PLAID_SANDBOX_URL', 'https://sandbox.plaid.com?'],
    ['PLAID_PRODUCTION_URL', 'https://production.plaid.com/#'],
    ['PLAID_PRODUCTION_URL', 'https://production.plaid.com/#plaid'],
    ['PLAID_CLIENT_ID', 'client\u0001id'],
    ['PLAID_SECRET_PRODUCTION', 'secret\nvalue'],
    ['PLAID_SECRET_SANDBOX', 'short-value'],
    ['PLAID_TIMEOUT_MS', '0'],
    ['PLAID_TIMEOUT_MS', '1.5'],
    ['UPSTREAM_MAX_BYTES', 'lots'],
    ['ALLOW_REQUEST_CREDENTIALS', 'maybe'],
    ['LOG_LEVEL', 'verbose'],
    ['REDIS_URL', 'redis.internal:6379'],
    ['REDIS_URL', 'http://redis.internal:6379'],
    ['REDIS_URL', 'redis:///tmp/redis.sock'],
    ['REDIS_URL', 'redis://redis.internal:6379/two'],
  ])('rejects %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration: ${name} `));
  });

  it.each([
    ['PORT', '0x1070'],
    ['PORT', '1e3'],
    ['PORT', '-1'],
    ['PORT', '3000.0'],
    ['PLAID_TIMEOUT_MS', '3000000000'],
    ['PLAID_TIMEOUT_MS', '1e4'],
    ['PLAID_TIMEOUT_MS', '+5000'],
    ['UPSTREAM_MAX_BYTES', '0x100000'],
    ['UPSTREAM_MAX_BYTES', '99999999999999999999'],
    ['RATE_LIMIT_PER_MINUTE', '1e9'],
    ['RATE_LIMIT_PER_MINUTE', '9999999999'],
    ['RECORDER_POLL_MS', '5'],
    ['RECORDER_MAX_PER_MINUTE', '0'],
  ])('takes numbers in digits only and within sane bounds: refuses %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(
      new RegExp(`^Invalid configuration: ${name} must be a whole number in digits, from \\d+ to \\d+`),
    );
  });

  it('names the bounds of each number', () => {
    expect(() => loadConfig({ PLAID_TIMEOUT_MS: '3000000000' })).toThrow(
      'PLAID_TIMEOUT_MS must be a whole number in digits, from 100 to 300000 (milliseconds)',
    );
    expect(() => loadConfig({ PORT: '0x1070' })).toThrow(
      'PORT must be a whole number in digits, from 0 to 65535',
    );
  });

  it('refuses user-info in a Plaid URL, and never repeats it', () => {
    expect(() => loadConfig({ PLAID_SANDBOX_URL: 'https://user:hunter2@sandbox.plaid.com' })).toThrow(
      /^Invalid configuration: PLAID_SANDBOX_URL must not contain a user name, password, query or fragment/,
    );
    expect(() => loadConfig({ PLAID_SANDBOX_URL: 'https://user:hunter2@sandbox.plaid.com' })).not.toThrow(
      /hunter2/,
    );
  });

  it('refuses a Redis URL that the client would read as another Redis or another database', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis:///tmp/redis.sock' })).toThrow(
      'REDIS_URL must name a host, such as redis://redis.internal:6379 (Unix sockets such as redis:///tmp/redis.sock are not supported)',
    );
    expect(() => loadConfig({ REDIS_URL: 'redis://redis.internal/2/extra' })).toThrow(
      'REDIS_URL may end in a database number and nothing else',
    );
    expect(loadConfig({ REDIS_URL: 'redis://redis.internal:6379/' }).redisUrl).toBe(
      'redis://redis.internal:6379/',
    );
  });

  it('requires PLAID_CLIENT_ID when a secret is set', () => {
    expect(() => loadConfig({ PLAID_SECRET_SANDBOX: 'sandbox-secret' })).toThrow(
      /PLAID_CLIENT_ID is required/,
    );
  });

  it('refuses a Plaid set-up in which no lookup could carry credentials', () => {
    expect(() => loadConfig({ PLAID_CLIENT_ID: 'client-1', ALLOW_REQUEST_CREDENTIALS: 'false' })).toThrow(
      /ALLOW_REQUEST_CREDENTIALS is false but no PLAID_SECRET_SANDBOX/,
    );
  });

  it('never repeats a value in its message, as some values are secrets', () => {
    expect(() => loadConfig({ PLAID_SECRET_SANDBOX: 'top-secret-value' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('top-secret-value') }),
    );
    // A Redis URL may carry Redis's password.
    expect(() => loadConfig({ REDIS_URL: 'http://:redis-password@redis.internal' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('redis-password') }),
    );
  });
});
