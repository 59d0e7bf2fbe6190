import { fixtureBase62 } from '../ids';
import { addSeconds, HOUR, MINUTE, plaidPreciseTime } from '../time';
import type { Scenario } from '../types';
import { credentialLoginToHandoff, openAndSelect, view } from './events';
import { FIRST_PLATYPUS, TARTAN_BANK, sandboxAccounts } from './institutions';
import { tokenMetadata } from './metadata';
import { emptyResults, openSession, tokenAnswer } from './sessions';

// Consumer Report (Plaid Check): the user added a new Item, refreshed an existing one and uploaded
// bank statements; CRA sessions report Items by item_id, never with a public_token.
export const cra: Scenario = {
  scenario: 'cra',
  link_token: 'link-sandbox-00000000-0000-4000-8000-000000000009',
  description:
    'Consumer Report (CRA): cra_item_add_results (Tartan Bank), cra_update_results (First Platypus Bank) and 2 uploaded bank statements.',
  diagnosis: { verdict: 'linked', actor: 'nobody', findings: [] },
  answer({ now, requestId }) {
    const seed = `${this.link_token}/1`;
    const steps = [
      ...openAndSelect(TARTAN_BANK),
      ...credentialLoginToHandoff(TARTAN_BANK, 13).slice(0, -1),
      view('UPLOAD_DOCUMENTS', 60),
      { event_name: 'SUBMIT_DOCUMENTS', at: 95 },
      view('SUBMIT_DOCUMENTS_SUCCESS', 99),
      { event_name: 'HANDOFF', at: 102 },
    ];
    const startedAt = addSeconds(now, -12 * MINUTE);
    const session = {
      ...openSession({ seed, startedAt, steps }),
      finished_at: plaidPreciseTime(addSeconds(startedAt, 103)),
      results: {
        ...emptyResults(),
        cra_item_add_results: [
          {
            item_id: fixtureBase62(`${seed}/item/tartan`, 37),
            accounts: sandboxAccounts(`${seed}/tartan`),
            institution: TARTAN_BANK,
          },
        ],
        cra_update_results: [
          {
            item_id: fixtureBase62(`${seed}/item/platypus`, 37),
            accounts: sandboxAccounts(`${seed}/platypus`).slice(0, 1),
            institution: FIRST_PLATYPUS,
          },
        ],
        cra_document_upload_results: { num_bank_statements_uploaded: 2 },
      },
    };
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -15 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata({
        initial_products: ['cra_base_report', 'cra_income_insights'],
        client_name: 'Acme Lending',
      }),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body: { ...body, user_id: 'usr_Q5nKvXmM2rRbT1' } };
  },
};
