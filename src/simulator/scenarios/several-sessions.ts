import { invalidCredentials } from '../errors';
import { fixtureRequestId } from '../ids';
import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { credentialLoginToHandoff, errorThenExit, institutionFields, openAndSelect, view } from './events';
import { FIRST_PLATYPUS, TARTAN_BANK, sandboxAccounts } from './institutions';
import { tokenMetadata } from './metadata';
import { exitSession, successSession, tokenAnswer } from './sessions';

export const severalSessions: Scenario = {
  scenario: 'several-sessions',
  link_token: 'link-sandbox-00000000-0000-4000-8000-000000000004',
  description:
    'Two sessions: the first exited after wrong credentials at Tartan Bank (INVALID_CREDENTIALS), the second linked First Platypus Bank.',
  diagnosis: { verdict: 'linked', actor: 'nobody', findings: ['several-sessions'] },
  answer({ now, requestId }) {
    const firstSeed = `${this.link_token}/1`;
    const error = invalidCredentials(fixtureRequestId(`${firstSeed}/error`));
    const first = exitSession({
      seed: firstSeed,
      startedAt: addSeconds(now, -50 * MINUTE),
      steps: [
        ...openAndSelect(TARTAN_BANK),
        view('CREDENTIAL', 13, TARTAN_BANK),
        { event_name: 'SUBMIT_CREDENTIALS', at: 30, metadata: institutionFields(TARTAN_BANK) },
        view('LOADING', 31, TARTAN_BANK),
        ...errorThenExit(TARTAN_BANK, error, 'requires_credentials', 35),
      ],
      institution: TARTAN_BANK,
      error,
      status: 'requires_credentials',
    });
    const secondSeed = `${this.link_token}/2`;
    const second = successSession({
      seed: secondSeed,
      startedAt: addSeconds(now, -44 * MINUTE),
      steps: [...openAndSelect(FIRST_PLATYPUS), ...credentialLoginToHandoff(FIRST_PLATYPUS, 13)],
      institution: FIRST_PLATYPUS,
      accounts: sandboxAccounts(secondSeed),
      environment: 'sandbox',
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -55 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata(),
      // Newest first, like the events inside each session.
      sessions: [second, first],
      requestId,
    });
    return { kind: 'response', body };
  },
};
