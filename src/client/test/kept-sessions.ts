import type { KeptSession } from '../../shared/schemas/kept';
import { invalidCredentials, makeEvent, makeSession } from '../../shared/test/fixtures';

// Yesterday's session, failed at Tartan Bank: Plaid dropped it six hours after it ended (or forgot
// the token), and the inspector's store kept it from ana's lookup.
export const keptTartanFailure: KeptSession = {
  session: makeSession({
    link_session_id: 'kept-1',
    started_at: '2026-11-24T10:01:00Z',
    finished_at: '2026-11-24T10:03:00Z',
    events: [makeEvent({ event_name: 'OPEN', timestamp: '2026-11-24T10:01:00Z' })],
    exit: {
      error: invalidCredentials,
      metadata: { institution: { name: 'Tartan Bank', institution_id: 'ins_109511' } },
    },
  }),
  source: 'lookup',
  first_seen_at: '2026-11-24T10:40:00Z',
  seen_at: '2026-11-24T10:42:00Z',
  seen_by: 'ana',
};
