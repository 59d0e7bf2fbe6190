import { fixtureBase62 } from '../ids';
import { WELLS_FARGO } from '../institutions/catalog';
import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { credentialLoginToHandoff, openAndSelect } from './events';
import { tokenMetadata } from './metadata';
import { successSession, tokenAnswer } from './sessions';

// A production token, so the proxy's environment routing (PLAID_PRODUCTION_URL, production
// credentials) can be tried against the simulator too.
export const production: Scenario = {
  scenario: 'production',
  link_token: 'link-production-00000000-0000-4000-8000-000000000014',
  description: 'A production-environment token with one completed session at Wells Fargo.',
  diagnosis: { verdict: 'linked', actor: 'nobody', findings: [] },
  answer({ now, requestId }) {
    const seed = `${this.link_token}/1`;
    const session = successSession({
      seed,
      startedAt: addSeconds(now, -70 * MINUTE),
      steps: [...openAndSelect(WELLS_FARGO), ...credentialLoginToHandoff(WELLS_FARGO, 13)],
      institution: WELLS_FARGO,
      accounts: [
        {
          id: fixtureBase62(`${seed}/account`, 37),
          name: 'Everyday Checking',
          mask: '4821',
          type: 'depository',
          subtype: 'checking',
          verification_status: null,
          class_type: null,
        },
      ],
      environment: 'production',
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -75 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata({
        client_name: 'Acme Budgeting',
        webhook: 'https://api.acme.example/plaid/webhook',
      }),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};
