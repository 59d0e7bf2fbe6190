import { describe, expect, it } from 'vitest';
import { makeEvent, makeSession } from '../test/fixtures';
import { eventsInTimeOrder, sessionsNewestFirst } from './ordering';

describe('eventsInTimeOrder', () => {
  it('turns a newest-first list (as in Plaid’s example) into a timeline, keeping ties in true order', () => {
    const events = [
      makeEvent({ event_name: 'HANDOFF', timestamp: '2026-11-25T10:00:05Z' }),
      makeEvent({ event_name: 'TRANSITION_VIEW', timestamp: '2026-11-25T10:00:05Z' }),
      makeEvent({ event_name: 'SUBMIT_CREDENTIALS', timestamp: '2026-11-25T10:00:03Z' }),
      makeEvent({ event_name: 'OPEN', timestamp: '2026-11-25T10:00:00Z' }),
    ];
    expect(eventsInTimeOrder(events).map((event) => event.event_name)).toEqual([
      'OPEN',
      'SUBMIT_CREDENTIALS',
      'TRANSITION_VIEW',
      'HANDOFF',
    ]);
  });

  it('keeps an already chronological list as it is and puts unreadable timestamps last', () => {
    const events = [
      makeEvent({ event_name: 'OPEN', timestamp: '2026-11-25T10:00:00Z' }),
      makeEvent({ event_name: 'ODD', timestamp: 'not a time' }),
      makeEvent({ event_name: 'TRANSITION_VIEW', timestamp: '2026-11-25T10:00:00Z' }),
      makeEvent({ event_name: 'EXIT', timestamp: '2026-11-25T10:00:09Z' }),
    ];
    expect(eventsInTimeOrder(events).map((event) => event.event_name)).toEqual([
      'OPEN',
      'TRANSITION_VIEW',
      'EXIT',
      'ODD',
    ]);
  });
});

describe('sessionsNewestFirst', () => {
  it('orders sessions by start, newest first, those without a start last', () => {
    const sessions = [
      makeSession({ link_session_id: 'old', started_at: '2026-11-25T09:00:00Z' }),
      makeSession({ link_session_id: 'none', started_at: undefined }),
      makeSession({ link_session_id: 'new', started_at: '2026-11-25T11:00:00Z' }),
    ];
    expect(sessionsNewestFirst(sessions).map((session) => session.link_session_id)).toEqual([
      'new',
      'old',
      'none',
    ]);
  });
});
