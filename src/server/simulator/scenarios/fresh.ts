import { addSeconds, HOUR, MINUTE, plaidTime } from '../time';
import type { Scenario } from '../types';
import { tokenMetadata } from './metadata';

export const fresh: Scenario = {
  scenario: 'fresh',
  link_token: 'link-sandbox-00000000-0000-4000-8000-000000000001',
  description: 'Created 5 minutes ago, active, Link never opened: no sessions yet.',
  answer({ now, requestId }) {
    const createdAt = addSeconds(now, -5 * MINUTE);
    return {
      kind: 'response',
      body: {
        link_token: this.link_token,
        created_at: plaidTime(createdAt),
        expiration: plaidTime(addSeconds(createdAt, 4 * HOUR)),
        metadata: tokenMetadata(),
        link_sessions: [],
        request_id: requestId,
      },
    };
  },
};
