import { addSeconds, HOUR } from '../time';
import type { Scenario } from '../types';
import { tokenMetadata } from './metadata';
import { tokenAnswer } from './sessions';

// Tokens without sessions, read against Plaid's six hours: a token made under six hours ago would
// still show its sessions, so none means it was never used; an older one may have lost them.

export const expiredUnused: Scenario = {
  scenario: 'expired-unused',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000001',
  description: 'Created 5 hours ago and expired an hour ago; Link was never opened with it.',
  diagnosis: { verdict: 'expired unused', actor: 'integrating team', findings: [] },
  answer({ now, requestId }) {
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -5 * HOUR),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata(),
      sessions: [],
      requestId,
    });
    return { kind: 'response', body };
  },
};

export const noSessionData: Scenario = {
  scenario: 'no-session-data',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000002',
  description:
    'Created 8 hours ago and expired, with no sessions: Link was never opened, or its sessions ended over six hours ago.',
  diagnosis: { verdict: 'no session data', actor: 'integrating team', findings: [] },
  answer({ now, requestId }) {
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -8 * HOUR),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata(),
      sessions: [],
      requestId,
    });
    return { kind: 'response', body };
  },
};
