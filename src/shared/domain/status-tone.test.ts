import { describe, expect, it } from 'vitest';
import { eventTone, SESSION_OUTCOME_TONES, TOKEN_STATUS_TONES } from './status-tone';

describe('status tones', () => {
  it('give a token that can no longer be used the warning tone, not an error’s', () => {
    expect(TOKEN_STATUS_TONES).toEqual({ active: 'success', expired: 'warning', unknown: 'neutral' });
  });

  it('tell a session that failed from one that was left or is still running', () => {
    expect(SESSION_OUTCOME_TONES).toEqual({
      succeeded: 'success',
      'exited-with-error': 'failure',
      'in-progress': 'pending',
      abandoned: 'warning',
    });
  });

  it('mark the events that end a flow: errors and the hand-off after success', () => {
    expect(eventTone('ERROR')).toBe('failure');
    expect(eventTone('FAIL_OAUTH')).toBe('failure');
    expect(eventTone('SUBMIT_DOCUMENTS_ERROR')).toBe('failure');
    expect(eventTone('HANDOFF')).toBe('success');
    expect(eventTone('OPEN')).toBeNull();
  });
});
