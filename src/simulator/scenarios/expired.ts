import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { view } from './events';
import { tokenMetadata } from './metadata';
import { exitSession, tokenAnswer } from './sessions';

// Plaid still answers for an expired token (expiration in the past) for a while; its one session
// ended without an error: the user searched, found nothing and closed Link.
export const expired: Scenario = {
  scenario: 'expired',
  link_token: 'link-sandbox-00000000-0000-4000-8000-000000000010',
  description:
    'Expired 2 hours ago (created 6 hours ago); its one session ended without an error (institution not found).',
  diagnosis: { verdict: 'abandoned', actor: 'end user', findings: [] },
  answer({ now, requestId }) {
    const createdAt = addSeconds(now, -6 * HOUR);
    const session = exitSession({
      seed: `${this.link_token}/1`,
      startedAt: addSeconds(createdAt, 3 * MINUTE),
      steps: [
        { event_name: 'OPEN', at: 0 },
        view('CONSENT', 1),
        view('SELECT_INSTITUTION', 6),
        {
          event_name: 'SEARCH_INSTITUTION',
          at: 9,
          metadata: { institution_search_query: 'quokka credit union' },
        },
        view('EXIT', 25),
        { event_name: 'EXIT', at: 28, metadata: { exit_status: 'institution_not_found' } },
      ],
      institution: null,
      error: null,
      status: 'institution_not_found',
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt,
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata(),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};
