import { describe, expect, it } from 'vitest';
import { eventTone, TOKEN_STATUS_TONES } from './status-tone';

describe('status tones', () => {
  it('give a token that can no longer be used the warning tone, not an error’s', () => {
    expect(TOKEN_STATUS_TONES).toEqual({ active: 'success', expired: 'warning', unknown: 'neutral' });
  });

  it('mark the events that end a flow: errors and the hand-off after success', () => {
    expect(eventTone('ERROR')).toBe('failure');
    expect(eventTone('FAIL_OAUTH')).toBe('failure');
    expect(eventTone('SUBMIT_DOCUMENTS_ERROR')).toBe('failure');
    expect(eventTone('HANDOFF')).toBe('success');
    expect(eventTone('OPEN')).toBeNull();
  });
});
