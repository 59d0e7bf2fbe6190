import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { tokenMetadata } from './metadata';
import { tokenAnswer } from './sessions';

export const fresh: Scenario = {
  scenario: 'fresh',
  link_token: 'link-sandbox-00000000-0000-4000-8000-000000000001',
  description: 'Created 5 minutes ago and still active; Link was never opened, so there are no sessions.',
  diagnosis: { verdict: 'never opened', actor: 'end user', findings: [] },
  answer({ now, requestId }) {
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -5 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata(),
      sessions: [],
      requestId,
    });
    return { kind: 'response', body };
  },
};
