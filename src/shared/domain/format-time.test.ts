import { describe, expect, it } from 'vitest';
import { formatDuration, formatUtc, msSince, parseDate } from './format-time';

describe('formatDuration', () => {
  it('shows the largest units first, as many as asked', () => {
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000 + 5 * 60_000)).toBe('3 d 4 h');
    expect(formatDuration(2 * 3_600_000 + 5_000, 3)).toBe('2 h 5 s');
    expect(formatDuration(45_000)).toBe('45 s');
  });

  it('shows sub-second durations in milliseconds and ignores the sign', () => {
    expect(formatDuration(412)).toBe('412 ms');
    expect(formatDuration(-90_000)).toBe('1 min 30 s');
  });
});

describe('formatUtc and parseDate', () => {
  it('formats an instant in UTC whatever the browser zone', () => {
    expect(formatUtc(new Date('2024-07-29T20:24:05.330312653Z'))).toBe('29 Jul 2024, 20:24:05 UTC');
  });

  it('returns null for a missing or unreadable date', () => {
    expect(parseDate(null)).toBeNull();
    expect(parseDate('yesterday-ish')).toBeNull();
  });
});

describe('msSince', () => {
  it('counts from a timestamp to now, and gives null for one that does not parse', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(msSince('2026-11-25T11:59:30Z', now)).toBe(30_000);
    expect(msSince(undefined, now)).toBeNull();
    expect(msSince('soon', now)).toBeNull();
  });
});
