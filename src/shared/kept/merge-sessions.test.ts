import { describe, expect, it } from 'vitest';
import { emptyResults, invalidCredentials, makeEvent, makeSession } from '../test/fixtures';
import { mergeSession, mergeSessions } from './merge-sessions';

const opened = makeEvent({ event_name: 'OPEN', timestamp: '2026-11-25T10:00:01Z' });
const selected = makeEvent({ event_name: 'SELECT_INSTITUTION', timestamp: '2026-11-25T10:00:20Z' });
const failed = makeEvent({ event_name: 'ERROR', timestamp: '2026-11-25T10:01:00Z' });
const exit = { error: invalidCredentials, metadata: { status: 'requires_credentials' } };

describe('mergeSession', () => {
  it('combines events by event_id, in time order, each once', () => {
    const older = makeSession({ events: [selected, opened] });
    const newer = makeSession({ events: [failed, selected] });
    expect(mergeSession(older, newer).events).toEqual([opened, selected, failed]);
  });

  it('keeps the exit and results of an older copy when the newer one lacks them', () => {
    const older = makeSession({ exit, results: emptyResults, events: [opened] });
    const thinner = makeSession({ exit: null, results: undefined, finished_at: null, events: [] });
    const merged = mergeSession(older, thinner);
    expect(merged.exit).toEqual(exit);
    expect(merged.results).toEqual(emptyResults);
    expect(merged.finished_at).toBe(older.finished_at);
    expect(merged.events).toEqual([opened]);
  });

  it('takes exit and results from the newer copy when it has them', () => {
    const newerExit = { error: null, metadata: { status: 'institution_not_found' } };
    const merged = mergeSession(makeSession({ exit }), makeSession({ exit: newerExit }));
    expect(merged.exit).toEqual(newerExit);
  });

  it('keeps fields Plaid added that the schema does not name', () => {
    const older = makeSession({ novel_field: 'kept' } as never);
    expect(mergeSession(older, makeSession())).toMatchObject({ novel_field: 'kept' });
  });
});

describe('mergeSessions', () => {
  it('merges answers by link_session_id and keeps sessions only older answers had', () => {
    const first = [
      makeSession({ link_session_id: 'a', events: [opened] }),
      makeSession({ link_session_id: 'b' }),
    ];
    const second = [makeSession({ link_session_id: 'a', events: [failed], exit })];
    const merged = mergeSessions([first, second]);
    expect(merged.map((session) => session.link_session_id)).toEqual(['a', 'b']);
    expect(merged[0]).toMatchObject({ exit, events: [opened, failed] });
  });
});
