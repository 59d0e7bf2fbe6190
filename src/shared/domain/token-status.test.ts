import { describe, expect, it } from 'vitest';
import { describeTimeLeft, tokenStatus } from './token-status';

const now = Date.parse('2026-11-25T10:00:00Z');

describe('tokenStatus', () => {
  it('is active with the time left before the expiration', () => {
    const status = tokenStatus('2026-11-25T13:59:30Z', now);
    expect(status).toEqual({ kind: 'active', msLeft: (3 * 3600 + 59 * 60 + 30) * 1000 });
    expect(describeTimeLeft(status)).toBe('3 h 59 min 30 s');
  });

  it('is expired from the expiration instant on, saying how long ago', () => {
    expect(tokenStatus('2026-11-25T10:00:00Z', now).kind).toBe('expired');
    expect(describeTimeLeft(tokenStatus('2026-11-25T07:55:00Z', now))).toBe('none: expired 2 h 5 min ago');
  });

  it('is unknown when Plaid sends no expiration', () => {
    const status = tokenStatus(null, now);
    expect(status).toEqual({ kind: 'unknown' });
    expect(describeTimeLeft(status)).toMatch(/did not say/);
  });

  it('reads offsets, not just Z times', () => {
    expect(tokenStatus('2026-11-25T11:30:00+02:00', now)).toEqual({ kind: 'expired', msAgo: 30 * 60 * 1000 });
  });
});
