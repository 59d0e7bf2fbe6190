import { fixtureBase62 } from '../ids';
import { addSeconds, HOUR, MINUTE, plaidPreciseTime } from '../time';
import type { Scenario } from '../types';
import { credentialLoginToHandoff, institutionFields, openAndSelect, view } from './events';
import { FIRST_PLATYPUS, GUSTO_PAYROLL } from './institutions';
import { tokenMetadata } from './metadata';
import { emptyResults, openSession, tokenAnswer } from './sessions';

// Income verification: the user connected a bank (bank income), a payroll provider (payroll
// income) and uploaded documents, all in one session.
export const income: Scenario = {
  scenario: 'income',
  link_token: 'link-sandbox-00000000-0000-4000-8000-000000000008',
  description:
    'Income verification: bank income (APPROVED), payroll income (3 paystubs, 1 W-2) and uploaded documents in one session.',
  diagnosis: { verdict: 'linked', actor: 'nobody', findings: [] },
  answer({ now, requestId }) {
    const seed = `${this.link_token}/1`;
    const steps = [
      ...openAndSelect(FIRST_PLATYPUS),
      ...credentialLoginToHandoff(FIRST_PLATYPUS, 13).slice(0, -1),
      { event_name: 'BANK_INCOME_INSIGHTS_COMPLETED', at: 55, metadata: institutionFields(FIRST_PLATYPUS) },
      view('SELECT_INSTITUTION', 60),
      { event_name: 'SELECT_INSTITUTION', at: 66, metadata: institutionFields(GUSTO_PAYROLL) },
      view('CREDENTIAL', 67, GUSTO_PAYROLL),
      { event_name: 'SUBMIT_CREDENTIALS', at: 85, metadata: institutionFields(GUSTO_PAYROLL) },
      view('UPLOAD_DOCUMENTS', 95),
      { event_name: 'SUBMIT_DOCUMENTS', at: 140 },
      view('SUBMIT_DOCUMENTS_SUCCESS', 146),
      { event_name: 'HANDOFF', at: 150 },
    ];
    const startedAt = addSeconds(now, -20 * MINUTE);
    const session = {
      ...openSession({ seed, startedAt, steps }),
      finished_at: plaidPreciseTime(addSeconds(startedAt, 151)),
      results: {
        ...emptyResults(),
        bank_income_results: [
          {
            status: 'APPROVED',
            item_id: fixtureBase62(`${seed}/bank-item`, 37),
            institution: FIRST_PLATYPUS,
          },
        ],
        payroll_income_results: [
          { num_paystubs_retrieved: 3, num_w2s_retrieved: 1, institution: GUSTO_PAYROLL },
        ],
        document_income_results: {
          num_paystubs_uploaded: 2,
          num_w2s_uploaded: 1,
          num_bank_statements_uploaded: 0,
          num_1099s_uploaded: 1,
        },
      },
    };
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -25 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata({ initial_products: ['income_verification'], client_name: 'Acme Lending' }),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body: { ...body, user_id: 'usr_8c3ZbDBYjaqUXZ' } };
  },
};
