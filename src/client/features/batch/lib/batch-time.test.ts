import { describe, expect, it } from 'vitest';
import { currentPace, describeExpectedTime, describePace } from './batch-time';

describe('describeExpectedTime', () => {
  it('says a batch within the rate limit takes under a minute', () => {
    expect(describeExpectedTime(37, 120)).toBe(
      'Expected time: under a minute (this server allows 120 lookups a minute per user).',
    );
  });

  it('says a batch over the limit waits for it, a minute per window after the first', () => {
    expect(describeExpectedTime(500, 120)).toBe(
      'Expected time: about 4 minutes: this server allows 120 lookups a minute per user, so the batch waits for the limit 4 times.',
    );
    expect(describeExpectedTime(121, 120)).toMatch(
      /^Expected time: about 1 minute: .* waits for the limit once\.$/,
    );
  });
});

describe('currentPace', () => {
  it('is unknown for the first answers, then lookups a minute and the time left at that pace', () => {
    expect(currentPace(2, 500, 5000)).toBeNull();
    expect(currentPace(10, 500, 500)).toBeNull();
    const pace = currentPace(120, 500, 60_000)!;
    expect(pace).toEqual({ perMinute: 120, msLeft: 190_000 });
    expect(describePace(pace)).toBe('120 lookups a minute, about 3 min 10 s left');
    expect(describePace(currentPace(499, 500, 2000)!)).toBe('14970 lookups a minute, almost done');
  });
});
