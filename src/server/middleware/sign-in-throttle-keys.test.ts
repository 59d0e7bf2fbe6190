import { describe, expect, it } from 'vitest';
import { signInThrottleKeys } from './sign-in-throttle-keys';

describe('signInThrottleKeys', () => {
  it('counts an IPv4 address as it is, and the user name apart', () => {
    expect(signInThrottleKeys('203.0.113.9', 'alice')).toEqual(['address:203.0.113.9', 'user:alice']);
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    for (const address of [
      '2001:db8:1:2::1',
      '2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd',
      '2001:DB8:1:2:0:0:0:7',
      'fe80::1%eth0'.replace('fe80::1', '2001:db8:1:2::9'),
      '2001:db8:1:2:0:0:192.0.2.1',
    ]) {
      expect(signInThrottleKeys(address, undefined), address).toEqual(['address:2001:db8:1:2::/64']);
    }
    expect(signInThrottleKeys('2001:db8::1', undefined)).toEqual(['address:2001:db8:0:0::/64']);
    expect(signInThrottleKeys('::1', undefined)).toEqual(['address:0:0:0:0::/64']);
  });

  it('counts requests without a known address together', () => {
    expect(signInThrottleKeys(undefined, undefined)).toEqual(['address:unknown']);
  });

  it('bounds the length of a user name it counts', () => {
    expect(signInThrottleKeys('203.0.113.9', 'x'.repeat(10_000))[1]).toBe(`user:${'x'.repeat(128)}`);
  });
});
