import { describe, expect, it } from 'vitest';
import { makeEvent } from '../test/fixtures';
import { describeEvent } from './event-names';

const at = '2026-11-25T10:00:00Z';

describe('describeEvent', () => {
  it('names known events in plain words', () => {
    expect(describeEvent(makeEvent({ event_name: 'OPEN', timestamp: at }))).toBe('Opened Link');
    expect(describeEvent(makeEvent({ event_name: 'SELECT_INSTITUTION', timestamp: at }))).toBe(
      'Selected institution',
    );
    expect(describeEvent(makeEvent({ event_name: 'HANDOFF', timestamp: at }))).toBe(
      'Handed off to the app (success)',
    );
  });

  it('completes the name with the view, the error code or the search query', () => {
    const view = makeEvent({
      event_name: 'TRANSITION_VIEW',
      timestamp: at,
      event_metadata: { view_name: 'CREDENTIAL' },
    });
    expect(describeEvent(view)).toBe('Moved to view CREDENTIAL');
    const error = makeEvent({
      event_name: 'ERROR',
      timestamp: at,
      event_metadata: { error_code: 'INVALID_CREDENTIALS' },
    });
    expect(describeEvent(error)).toBe('Error INVALID_CREDENTIALS');
    const search = makeEvent({
      event_name: 'SEARCH_INSTITUTION',
      timestamp: at,
      event_metadata: { institution_search_query: 'chase' },
    });
    expect(describeEvent(search)).toBe('Searched for “chase”');
  });

  it('shows a name Plaid added after this UI as sent', () => {
    expect(describeEvent(makeEvent({ event_name: 'SOMETHING_NEW_2027', timestamp: at }))).toBe(
      'SOMETHING_NEW_2027',
    );
  });
});
