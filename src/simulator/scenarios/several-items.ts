import { invalidCredentials } from '../errors';
import { fixtureRequestId } from '../ids';
import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { credentialLoginToHandoff, institutionFields, openAndSelect, view } from './events';
import { FIRST_PLATYPUS, HOUNDSTOOTH_BANK, sandboxAccounts, TARTAN_BANK } from './institutions';
import { tokenMetadata } from './metadata';
import { publicToken, successSession, tokenAnswer } from './sessions';

// Multi-Item Link: one session adds several Items, and a bank tried in between can fail.
export const multiItemWithoutWebhook: Scenario = {
  scenario: 'multi-item-no-webhook',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000027',
  description:
    'Multi-Item Link on a Hosted Link token (2-hour lifetime) without a webhook: one session linked First Platypus Bank and Houndstooth Bank, and a try at Tartan Bank between them failed with INVALID_CREDENTIALS.',
  diagnosis: {
    verdict: 'linked',
    actor: 'nobody',
    findings: ['public-tokens-without-webhook', 'webhook-missing', 'token-lifetime'],
  },
  answer({ now, requestId }) {
    const seed = `${this.link_token}/1`;
    const error = invalidCredentials(fixtureRequestId(`${seed}/error`));
    const tartan = institutionFields(TARTAN_BANK);
    const houndstoothSeed = `${seed}/houndstooth`;
    const session = successSession({
      seed,
      startedAt: addSeconds(now, -35 * MINUTE),
      steps: [
        ...openAndSelect(FIRST_PLATYPUS),
        ...credentialLoginToHandoff(FIRST_PLATYPUS, 13).filter((step) => step.event_name !== 'HANDOFF'),
        { event_name: 'SELECT_INSTITUTION', at: 60, metadata: tartan },
        view('CREDENTIAL', 61, TARTAN_BANK),
        { event_name: 'SUBMIT_CREDENTIALS', at: 80, metadata: tartan },
        {
          event_name: 'ERROR',
          at: 83,
          metadata: {
            ...tartan,
            error_type: error.error_type,
            error_code: error.error_code,
            error_message: error.error_message,
          },
        },
        view('ERROR', 84, TARTAN_BANK),
        { event_name: 'SELECT_INSTITUTION', at: 95, metadata: institutionFields(HOUNDSTOOTH_BANK) },
        ...credentialLoginToHandoff(HOUNDSTOOTH_BANK, 96),
      ],
      institution: FIRST_PLATYPUS,
      accounts: sandboxAccounts(seed),
      environment: 'sandbox',
    });
    const results = session.results!;
    session.results = {
      ...results,
      item_add_results: [
        ...results.item_add_results,
        {
          public_token: publicToken(houndstoothSeed, 'sandbox'),
          accounts: sandboxAccounts(houndstoothSeed),
          institution: HOUNDSTOOTH_BANK,
        },
      ],
    };
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -40 * MINUTE),
      lifetimeSeconds: 2 * HOUR,
      metadata: tokenMetadata({ initial_products: ['auth'], webhook: null }),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};
