import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';

const aliceHash = bcrypt.hashSync('alice-password', 4);

describe('security configuration', () => {
  it('binds loopback with no access control and 120 requests a minute by default', () => {
    expect(loadConfig({}).security).toEqual({
      access: { kind: 'none' },
      trustedProxies: [],
      rateLimitPerMinute: 120,
    });
  });

  it('refuses to start on any other address without access control, naming what to set', () => {
    for (const host of ['0.0.0.0', '10.1.2.3', '::', 'inspector.internal']) {
      expect(() => loadConfig({ HOST: host })).toThrow(
        /HOST is not a loopback address.*set AUTH_USERS .*or AUTH_TRUSTED_HEADER and TRUSTED_PROXIES/,
      );
    }
  });

  it('accepts every loopback spelling without access control', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', 'localhost', '::1']) {
      expect(loadConfig({ HOST: host }).security.access).toEqual({ kind: 'none' });
    }
  });

  it('starts on the network with users and bcrypt hashes', () => {
    const config = loadConfig({ HOST: '0.0.0.0', AUTH_USERS: `alice:${aliceHash}` });
    expect(config.security.access).toEqual({ kind: 'basic', users: new Map([['alice', aliceHash]]) });
  });

  it('starts on the network behind an SSO proxy that names the user', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      AUTH_TRUSTED_HEADER: 'X-Forwarded-User',
      TRUSTED_PROXIES: '10.0.0.5, ::1',
    });
    expect(config.security).toMatchObject({
      access: { kind: 'trusted-header', header: 'X-Forwarded-User' },
      trustedProxies: ['10.0.0.5', '::1'],
    });
  });

  it('names the variable for each mistake, without repeating a password', () => {
    expect(() => loadConfig({ AUTH_USERS: 'alice:hunter2' })).toThrow(
      /AUTH_USERS is not usable: the entry for "alice"/,
    );
    expect(() => loadConfig({ AUTH_USERS: 'alice:hunter2' })).not.toThrow(/hunter2/);
    expect(() => loadConfig({ AUTH_TRUSTED_HEADER: 'X-Forwarded-User' })).toThrow(
      /TRUSTED_PROXIES must list/,
    );
    expect(() =>
      loadConfig({ AUTH_TRUSTED_HEADER: 'X Forwarded User', TRUSTED_PROXIES: '10.0.0.5' }),
    ).toThrow(/AUTH_TRUSTED_HEADER must be an HTTP header name/);
    expect(() => loadConfig({ AUTH_TRUSTED_HEADER: 'X-User', TRUSTED_PROXIES: 'proxy.internal' })).toThrow(
      /TRUSTED_PROXIES must list IP addresses/,
    );
    expect(() =>
      loadConfig({
        AUTH_USERS: `alice:${aliceHash}`,
        AUTH_TRUSTED_HEADER: 'X-User',
        TRUSTED_PROXIES: '10.0.0.5',
      }),
    ).toThrow(/AUTH_TRUSTED_HEADER cannot be combined with AUTH_USERS/);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_PER_MINUTE must be above 0/);
  });
});
