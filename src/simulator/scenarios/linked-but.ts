import { fixtureBase62 } from '../ids';
import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { credentialLoginToHandoff, openAndSelect, view } from './events';
import { FIRST_PLATYPUS, sandboxAccounts } from './institutions';
import { tokenMetadata } from './metadata';
import { emptyResults, successSession, tokenAnswer } from './sessions';

// Sessions that linked, but are not done: Plaid's own results say what is still missing.

export const linkedPendingMicroDeposits: Scenario = {
  scenario: 'linked-pending-micro-deposits',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000022',
  description:
    'Manual entry with Same Day micro-deposits: Link succeeded, but the account waits for the user to confirm the deposit (verification_status pending_manual_verification).',
  diagnosis: { verdict: 'linked', actor: 'end user', findings: [] },
  answer({ now, requestId }) {
    const seed = `${this.link_token}/1`;
    const [checking] = sandboxAccounts(seed);
    const session = successSession({
      seed,
      startedAt: addSeconds(now, -20 * MINUTE),
      steps: [
        { event_name: 'OPEN', at: 0 },
        view('SELECT_INSTITUTION', 3),
        { event_name: 'SELECT_AUTH_TYPE', at: 20, metadata: { selection: 'flow_type_manual' } },
        view('NUMBERS', 21),
        { event_name: 'SUBMIT_ROUTING_NUMBER', at: 40, metadata: { routing_number: '011401533' } },
        { event_name: 'SUBMIT_ACCOUNT_NUMBER', at: 55, metadata: { account_number_mask: '0000' } },
        view('CONNECTED', 70),
        { event_name: 'HANDOFF', at: 73 },
      ],
      // An Item made by micro-deposits has no institution.
      institution: null,
      accounts: [{ ...checking!, verification_status: 'pending_manual_verification' }],
      environment: 'sandbox',
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -25 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata({ initial_products: ['auth'] }),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};

export const linkedNoIncomeFound: Scenario = {
  scenario: 'linked-no-income-found',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000023',
  description:
    'Bank income: the user linked First Platypus Bank, but Plaid found no income deposits there (bank income status NO_DEPOSITS_FOUND).',
  diagnosis: { verdict: 'linked', actor: 'end user', findings: [] },
  answer({ now, requestId }) {
    const seed = `${this.link_token}/1`;
    const session = successSession({
      seed,
      startedAt: addSeconds(now, -15 * MINUTE),
      steps: [...openAndSelect(FIRST_PLATYPUS), ...credentialLoginToHandoff(FIRST_PLATYPUS, 13)],
      institution: FIRST_PLATYPUS,
      accounts: sandboxAccounts(seed),
      environment: 'sandbox',
      results: {
        ...emptyResults(),
        item_add_results: [],
        bank_income_results: [
          {
            status: 'NO_DEPOSITS_FOUND',
            item_id: fixtureBase62(`${seed}/bank-item`, 37),
            institution: FIRST_PLATYPUS,
          },
        ],
      },
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -20 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata({ initial_products: ['income_verification'] }),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};
