import { describe, expect, it } from 'vitest';
import { normaliseAddress } from './peer-address';

describe('normaliseAddress', () => {
  it('writes an IPv4 client one way, with or without port, brackets or IPv4-mapped form', () => {
    for (const written of [
      '203.0.113.9',
      ' 203.0.113.9 ',
      '203.0.113.9:4711',
      '::ffff:203.0.113.9',
      '::FFFF:203.0.113.9',
      '[::ffff:203.0.113.9]',
      '[::ffff:203.0.113.9]:443',
      '::ffff:cb00:7109',
      '0:0:0:0:0:FFFF:CB00:7109',
    ])
      expect(normaliseAddress(written), written).toBe('203.0.113.9');
  });

  it('takes an IPv6 address out of its brackets and port, in lower case', () => {
    for (const written of ['2001:DB8::1', '[2001:db8::1]', '[2001:db8::1]:443'])
      expect(normaliseAddress(written), written).toBe('2001:db8::1');
  });

  it('refuses what is no address', () => {
    for (const written of [
      'unknown',
      '',
      'proxy.internal',
      '203.0.113.9:port',
      '[203.0.113.9',
      '2001:db8::1:443:x',
    ])
      expect(normaliseAddress(written), written).toBeUndefined();
  });
});
