import { describe, expect, it } from 'vitest';
import { ROW_VERDICT_TONES } from './row-verdict';

// One language of status: a colour means one thing on every screen.
describe('ROW_VERDICT_TONES', () => {
  it('keeps the blue of a session under way for "In progress", not for a token not looked up yet', () => {
    expect(ROW_VERDICT_TONES['in progress']).toBe('pending');
    expect(ROW_VERDICT_TONES.pending).toBe('neutral');
  });

  it('gives no other verdict the tone of "In progress"', () => {
    const blue = Object.entries(ROW_VERDICT_TONES).filter(([, tone]) => tone === 'pending');
    expect(blue.map(([verdict]) => verdict)).toEqual(['in progress']);
  });

  it('keeps "Lookup failed" (we could not read the token) apart from "Failed" (the user’s session failed)', () => {
    expect(ROW_VERDICT_TONES.failed).toBe('failure');
    expect(ROW_VERDICT_TONES['lookup failed']).toBe('fault');
    const red = Object.entries(ROW_VERDICT_TONES).filter(([, tone]) => tone === 'failure');
    expect(red.map(([verdict]) => verdict)).toEqual(['failed']);
  });
});
