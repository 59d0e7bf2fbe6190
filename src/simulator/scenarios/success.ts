import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { credentialLoginToHandoff, openAndSelect } from './events';
import { FIRST_PLATYPUS, sandboxAccounts } from './institutions';
import { tokenMetadata } from './metadata';
import { successSession, tokenAnswer } from './sessions';

export const success: Scenario = {
  scenario: 'success',
  link_token: 'link-sandbox-00000000-0000-4000-8000-000000000003',
  description:
    'One completed session: the user linked First Platypus Bank (item_add_results and on_success accounts).',
  diagnosis: { verdict: 'linked', actor: 'nobody', findings: [] },
  answer({ now, requestId }) {
    const seed = `${this.link_token}/1`;
    const session = successSession({
      seed,
      startedAt: addSeconds(now, -25 * MINUTE),
      steps: [...openAndSelect(FIRST_PLATYPUS), ...credentialLoginToHandoff(FIRST_PLATYPUS, 13)],
      institution: FIRST_PLATYPUS,
      accounts: sandboxAccounts(seed),
      environment: 'sandbox',
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -40 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata(),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};
