import { describe, expect, it } from 'vitest';
import { findNewEventIds, watchVerdict } from './live-watch';
import { answer, exampleSession, runningSession } from '../../../test/answers';

const NOW = Date.now();

describe('watchVerdict', () => {
  it('keeps watching while a session is in progress or none has started', () => {
    expect(watchVerdict(answer({ link_sessions: [runningSession(2)] }), NOW)).toEqual({
      keepWatching: true,
      reason: '1 session in progress',
    });
    expect(watchVerdict(answer({ link_sessions: [] }), NOW).keepWatching).toBe(true);
  });

  it('stops when every session has finished or the token has expired', () => {
    expect(watchVerdict(answer({ link_sessions: [exampleSession] }), NOW)).toEqual({
      keepWatching: false,
      reason: 'every session has finished',
    });
    const expired = answer({
      link_sessions: [runningSession(2)],
      expiration: new Date(NOW - 1000).toISOString(),
    });
    expect(watchVerdict(expired, NOW)).toEqual({ keepWatching: false, reason: 'the link token has expired' });
  });
});

describe('findNewEventIds', () => {
  it('returns the ids of events the previous answer did not have', () => {
    const before = answer({ link_sessions: [runningSession(2)] });
    const after = answer({ link_sessions: [runningSession(4)] });
    const events = exampleSession.events!;
    expect(findNewEventIds(before, after)).toEqual(
      new Set(events.slice(-4, -2).map((event) => event.event_id)),
    );
    expect(findNewEventIds(after, after).size).toBe(0);
  });
});
