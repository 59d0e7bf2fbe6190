import { describe, expect, it } from 'vitest';
import { findInvalidProxyEntry, isTrustedAddress, trustedProxyList } from './trusted-proxies';

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
});
