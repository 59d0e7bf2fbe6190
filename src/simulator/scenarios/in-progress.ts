import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { openAndSelect, view } from './events';
import { FIRST_PLATYPUS } from './institutions';
import { tokenMetadata } from './metadata';
import { openSession, tokenAnswer } from './sessions';

export const inProgress: Scenario = {
  scenario: 'in-progress',
  link_token: 'link-sandbox-00000000-0000-4000-8000-000000000002',
  description: 'A session started 2 minutes ago and is still open: the user is on the credentials screen.',
  diagnosis: { verdict: 'in progress', actor: 'end user', findings: [] },
  answer({ now, requestId }) {
    const session = openSession({
      seed: `${this.link_token}/1`,
      startedAt: addSeconds(now, -2 * MINUTE),
      steps: [...openAndSelect(FIRST_PLATYPUS), view('CREDENTIAL', 13, FIRST_PLATYPUS)],
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -10 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata(),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};
