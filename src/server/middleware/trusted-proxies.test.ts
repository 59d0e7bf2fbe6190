import { describe, expect, it } from 'vitest';
import { findInvalidProxyEntry, isTrustedAddress, tooWideProblem, trustedProxyList } from './trusted-proxies';

describe('trusted proxies', () => {
  it('trusts listed addresses and every address of a listed range, IPv4 and IPv6', () => {
    const proxies = trustedProxyList(['10.0.0.5', '172.16.0.0/12', '::1', 'fd00::/8']);
    for (const address of ['10.0.0.5', '172.16.0.1', '172.31.255.254', '::1', 'fd12:3456::7'])
      expect(isTrustedAddress(proxies, address), address).toBe(true);
    for (const address of ['10.0.0.6', '172.32.0.1', '192.168.1.1', '::2', 'fe80::1'])
      expect(isTrustedAddress(proxies, address), address).toBe(false);
  });

  it('trusts nobody when the list is empty', () => {
    expect(isTrustedAddress(trustedProxyList([]), '127.0.0.1')).toBe(false);
  });

  it('names the first entry that is neither an address nor a CIDR range', () => {
    expect(findInvalidProxyEntry(['10.0.0.5', '10.0.0.0/8', '::/0'])).toBeUndefined();
    for (const wrong of [
      'proxy.internal',
      '10.0.0.0/33',
      '::/129',
      '10.0.0.0/',
      '10.0.0.0/8/8',
      '10.0.0.0/x',
    ])
      expect(findInvalidProxyEntry(['10.0.0.5', wrong])).toBe(wrong);
  });

  it('accepts proxies, subnets and IPv4-mapped ranges no wider than an IPv4 /8 or an IPv6 /32', () => {
    expect(
      tooWideProblem(['10.0.0.0/8', '2001:db8::/32', '::1', '::ffff:10.0.0.0/104', '0.0.0.0']),
    ).toBeUndefined();
  });

  it('refuses a range wider than an IPv4 /8 or an IPv6 /32', () => {
    expect(tooWideProblem(['10.0.0.5', '10.0.0.0/7'])).toBe('"10.0.0.0/7" is wider than an IPv4 /8');
    expect(tooWideProblem(['2001:db8::/31'])).toBe('"2001:db8::/31" is wider than an IPv6 /32');
    expect(tooWideProblem(['0.0.0.0/0'])).toBe('"0.0.0.0/0" is wider than an IPv4 /8');
  });

  it('counts an IPv4-mapped IPv6 range as the IPv4 range it stands for', () => {
    // Node names IPv4 peers ::ffff:a.b.c.d, and BlockList matches IPv4 peers against these ranges.
    expect(isTrustedAddress(trustedProxyList(['::ffff:203.0.0.0/104']), '203.0.113.9')).toBe(true);
    expect(tooWideProblem(['::ffff:0:0/96'])).toBe('"::ffff:0:0/96" is wider than an IPv4 /8');
    expect(tooWideProblem(['::ffff:10.0.0.0/103'])).toBe('"::ffff:10.0.0.0/103" is wider than an IPv4 /8');
    // A wider IPv6 range that holds every IPv4-mapped address trusts every IPv4 peer.
    expect(tooWideProblem(['::/80'])).toBe('"::/80" is wider than an IPv4 /8');
    expect(tooWideProblem(['::/96'])).toBeUndefined();
  });

  it('refuses ranges that together cover every address', () => {
    const everyIpv4 = Array.from({ length: 256 }, (_, first) => `${first}.0.0.0/8`);
    expect(tooWideProblem(everyIpv4)).toMatch(
      /^"0.0.0.0\/8", .*"255.0.0.0\/8" together cover every IPv4 address$/,
    );
    // Mapped and plain IPv4 ranges add up.
    expect(tooWideProblem([...everyIpv4.slice(1), '::ffff:0.0.0.0/104'])).toMatch(
      /together cover every IPv4/,
    );
    expect(tooWideProblem(everyIpv4.slice(1))).toBeUndefined();
  });
});
