import { describe, expect, it } from 'vitest';
import { findNewEventIds, watchVerdict } from './live-watch';
import { diagnose } from '../../../../shared/diagnosis';
import type { LinkSession } from '../../../../shared/schemas/link-token-get-response';
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

describe('watchVerdict and the diagnosis', () => {
  // A running session whose last event is `idleMinutes` old.
  function idleSession(idleMinutes: number): LinkSession {
    const lastEvent = new Date(NOW - idleMinutes * 60_000).toISOString();
    const session = runningSession(2);
    return {
      ...session,
      started_at: new Date(NOW - (idleMinutes + 5) * 60_000).toISOString(),
      events: session.events!.map((event) => ({ ...event, timestamp: lastEvent })),
    };
  }

  it('does not watch a session idle for 31 minutes as running: the diagnosis calls it abandoned', () => {
    const idle = answer({ link_sessions: [idleSession(31)] });
    expect(diagnose(idle, NOW).verdict).toBe('abandoned');
    expect(watchVerdict(idle, NOW)).toEqual({
      keepWatching: false,
      reason: 'no session is still in progress',
    });
  });

  it('watches a session idle for 29 minutes, which the diagnosis calls in progress', () => {
    const recent = answer({ link_sessions: [idleSession(29)] });
    expect(diagnose(recent, NOW).verdict).toBe('in progress');
    expect(watchVerdict(recent, NOW)).toEqual({ keepWatching: true, reason: '1 session in progress' });
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
