import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { institutionFields, openAndSelect, view } from './events';
import { CHASE_OAUTH, sandboxAccounts } from './institutions';
import { tokenMetadata } from './metadata';
import { successSession, tokenAnswer } from './sessions';

// An OAuth institution sends the user to the bank's own site and back through the token's
// redirect_uri. The user closed the bank's page once (CLOSE_OAUTH), then went through.
export const oauth: Scenario = {
  scenario: 'oauth',
  link_token: 'link-sandbox-00000000-0000-4000-8000-000000000007',
  description:
    'OAuth / redirect flow at Chase: OPEN_OAUTH, the user closed the bank page (CLOSE_OAUTH), retried and linked; redirect_uri set.',
  diagnosis: { verdict: 'linked', actor: 'nobody', findings: [] },
  answer({ now, requestId }) {
    const seed = `${this.link_token}/1`;
    const bank = institutionFields(CHASE_OAUTH);
    const session = successSession({
      seed,
      startedAt: addSeconds(now, -30 * MINUTE),
      steps: [
        ...openAndSelect(CHASE_OAUTH),
        view('OAUTH', 13, CHASE_OAUTH),
        { event_name: 'OPEN_OAUTH', at: 16, metadata: bank },
        { event_name: 'CLOSE_OAUTH', at: 41, metadata: bank },
        view('OAUTH', 42, CHASE_OAUTH),
        { event_name: 'OPEN_OAUTH', at: 50, metadata: bank },
        view('CONNECTED', 112, CHASE_OAUTH),
        { event_name: 'HANDOFF', at: 115, metadata: bank },
      ],
      institution: CHASE_OAUTH,
      accounts: sandboxAccounts(seed),
      environment: 'sandbox',
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -35 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata({ redirect_uri: 'https://app.example.com/plaid/oauth-return' }),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};
