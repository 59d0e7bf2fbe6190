import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { isTrustedAddress } from './trusted-proxies';

const aliceHash = bcrypt.hashSync('alice-password', 10);

describe('security configuration', () => {
  it('binds loopback with no access control and 120 requests a minute by default', () => {
    const { security } = loadConfig({});
    expect(security).toMatchObject({ access: { kind: 'none' }, rateLimitPerMinute: 120 });
    expect(security.trustedProxies.rules).toEqual([]);
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
    const config = loadConfig({
      HOST: '0.0.0.0',
      ALLOWED_HOSTS: 'inspector.example.com',
      AUTH_USERS: `alice:${aliceHash}`,
    });
    expect(config.security.access).toEqual({ kind: 'basic', users: new Map([['alice', aliceHash]]) });
  });

  it('starts on the network behind an SSO proxy that names the user', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      ALLOWED_HOSTS: 'inspector.example.com',
      AUTH_TRUSTED_HEADER: 'X-Forwarded-User',
      TRUSTED_PROXIES: '10.0.0.5, ::1, 172.16.0.0/12',
    });
    expect(config.security.access).toEqual({ kind: 'trusted-header', header: 'X-Forwarded-User' });
    const trusted = (address: string) => isTrustedAddress(config.security.trustedProxies, address);
    expect(['10.0.0.5', '::1', '172.20.1.2'].map(trusted)).toEqual([true, true, true]);
    expect(['10.0.0.6', '::2', '172.32.0.1'].map(trusted)).toEqual([false, false, false]);
  });

  it('refuses TRUSTED_PROXIES that trust every address, or far too many', () => {
    for (const [tooMany, why] of [
      ['0.0.0.0/0', /"0.0.0.0\/0" is wider than an IPv4 \/8/],
      ['::/0', /"::\/0" is wider than an IPv6 \/32/],
      ['10.0.0.5, 0.0.0.0/0', /"0.0.0.0\/0" is wider/],
      ['::ffff:0:0/96', /"::ffff:0:0\/96" is wider than an IPv4 \/8/],
      ['0.0.0.0/1,128.0.0.0/1', /"0.0.0.0\/1" is wider/],
      ['::/1,8000::/1', /"::\/1" is wider/],
    ] as const) {
      expect(() =>
        loadConfig({
          HOST: '0.0.0.0',
          ALLOWED_HOSTS: 'inspector.example.com',
          AUTH_TRUSTED_HEADER: 'X-Forwarded-User',
          TRUSTED_PROXIES: tooMany,
        }),
      ).toThrow(new RegExp(`TRUSTED_PROXIES must not trust so many addresses \\(${why.source}.*\\)`));
    }
  });

  it('refuses an AUTH_TRUSTED_HEADER that browsers or proxies set for their own purposes', () => {
    for (const header of ['Authorization', 'authorization', 'Cookie', 'X-Forwarded-For']) {
      expect(() => loadConfig({ AUTH_TRUSTED_HEADER: header, TRUSTED_PROXIES: '10.0.0.5' })).toThrow(
        new RegExp(`AUTH_TRUSTED_HEADER cannot be ${header}: .*such as X-Forwarded-User`),
      );
    }
  });

  it('names the variable for each mistake, without repeating a password', () => {
    expect(() => loadConfig({ AUTH_USERS: 'alice:hunter2' })).toThrow(
      /AUTH_USERS is not usable: the entry for "alice"/,
    );
    expect(() => loadConfig({ AUTH_USERS: 'alice:hunter2' })).not.toThrow(/hunter2/);
    const cheapHash = bcrypt.hashSync('alice-password', 4);
    expect(() => loadConfig({ AUTH_USERS: `alice:${cheapHash}` })).toThrow(
      /AUTH_USERS is not usable: the hash for "alice" has bcrypt cost 4; use a cost from 10 to 14/,
    );
    expect(() => loadConfig({ AUTH_USERS: `alice:${cheapHash}` })).not.toThrow(cheapHash.slice(7));
    expect(() => loadConfig({ AUTH_TRUSTED_HEADER: 'X-Forwarded-User' })).toThrow(
      /TRUSTED_PROXIES must list/,
    );
    expect(() =>
      loadConfig({ AUTH_TRUSTED_HEADER: 'X Forwarded User', TRUSTED_PROXIES: '10.0.0.5' }),
    ).toThrow(/AUTH_TRUSTED_HEADER must be an HTTP header name/);
    expect(() => loadConfig({ AUTH_TRUSTED_HEADER: 'X-User', TRUSTED_PROXIES: 'proxy.internal' })).toThrow(
      /TRUSTED_PROXIES must list IP addresses or CIDR ranges .*"proxy.internal" is neither/,
    );
    expect(() =>
      loadConfig({
        AUTH_USERS: `alice:${aliceHash}`,
        AUTH_TRUSTED_HEADER: 'X-User',
        TRUSTED_PROXIES: '10.0.0.5',
      }),
    ).toThrow(/AUTH_TRUSTED_HEADER cannot be combined with AUTH_USERS/);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: '0' })).toThrow(
      /RATE_LIMIT_PER_MINUTE must be a whole number in digits, from 1 to 1000000000/,
    );
  });
});
