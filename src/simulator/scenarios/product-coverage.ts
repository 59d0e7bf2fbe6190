import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { institutionFields, openAndSelect } from './events';
import { FIRST_PLATYPUS } from './institutions';
import { tokenMetadata } from './metadata';
import { exitSession, tokenAnswer } from './sessions';

// Configurations that cannot work, or narrow the banks, read from Plaid's documented coverage.

export const productOutsideCountries: Scenario = {
  scenario: 'payment-initiation-us-only',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000030',
  description:
    'payment_initiation (UK and Europe only) on a US-only token: Link said First Platypus Bank is not supported (SELECT_FILTERED_INSTITUTION, exit status institution_not_supported).',
  diagnosis: { verdict: 'abandoned', actor: 'integrating team', findings: ['product-outside-countries'] },
  answer({ now, requestId }) {
    const bank = institutionFields(FIRST_PLATYPUS);
    const session = exitSession({
      seed: `${this.link_token}/1`,
      startedAt: addSeconds(now, -9 * MINUTE),
      steps: [
        ...openAndSelect(FIRST_PLATYPUS).filter((step) => step.event_name !== 'SELECT_INSTITUTION'),
        { event_name: 'SELECT_FILTERED_INSTITUTION', at: 12, metadata: bank },
        { event_name: 'EXIT', at: 40, metadata: { ...bank, exit_status: 'institution_not_supported' } },
      ],
      institution: FIRST_PLATYPUS,
      error: null,
      status: 'institution_not_supported',
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -10 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata({ initial_products: ['payment_initiation'], account_filters: {} }),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};

export const productsNarrowBanks: Scenario = {
  scenario: 'products-narrow-banks',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000031',
  description:
    'Not opened yet, but made with three required products (transactions, investments, liabilities): Link will offer only banks that support all three.',
  diagnosis: { verdict: 'never opened', actor: 'end user', findings: ['products-narrow-banks'] },
  answer({ now, requestId }) {
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -3 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata({ initial_products: ['transactions', 'investments', 'liabilities'] }),
      sessions: [],
      requestId,
    });
    return { kind: 'response', body };
  },
};
