import { invalidContinuationToken } from '../errors';
import { fixtureRequestId } from '../ids';
import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { errorThenExit, institutionFields, openAndSelect, view, type EventStep } from './events';
import { PLATYPUS_OAUTH, sandboxAccounts } from './institutions';
import { tokenMetadata } from './metadata';
import { exitSession, openSession, successSession, tokenAnswer } from './sessions';

// The return from a bank's own sign-in (OAuth) that did not resume Link: nothing came back, Link
// started afresh, or Link was reopened with a continuation Plaid refused.

const REDIRECT_URI = 'https://app.example.com/plaid/oauth-return';

// Open Link, choose the OAuth bank and be handed to its sign-in (OPEN_OAUTH at 16 s).
const toTheBank: readonly EventStep[] = [
  ...openAndSelect(PLATYPUS_OAUTH),
  view('OAUTH', 13, PLATYPUS_OAUTH),
  { event_name: 'OPEN_OAUTH', at: 16, metadata: institutionFields(PLATYPUS_OAUTH) },
];

export const oauthNoReturn: Scenario = {
  scenario: 'no-return-from-oauth',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000024',
  description:
    'Link handed the user to Platypus OAuth Bank’s own sign-in and never heard back: no return, no exit (the user gave up at the bank, or the return to Link failed).',
  diagnosis: { verdict: 'abandoned', actor: 'end user', findings: [] },
  answer({ now, requestId }) {
    const session = openSession({
      seed: `${this.link_token}/1`,
      startedAt: addSeconds(now, -55 * MINUTE),
      steps: toTheBank,
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -57 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata({ redirect_uri: REDIRECT_URI }),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};

export const oauthRestarted: Scenario = {
  scenario: 'restarted-after-oauth',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000025',
  description:
    'Back from Platypus OAuth Bank, the redirect page opened Link afresh (a new session 3 minutes after the hand-off) instead of resuming; the user went through again and linked.',
  diagnosis: { verdict: 'linked', actor: 'nobody', findings: ['oauth-restarted', 'several-sessions'] },
  answer({ now, requestId }) {
    const firstStart = addSeconds(now, -52 * MINUTE);
    const first = openSession({ seed: `${this.link_token}/1`, startedAt: firstStart, steps: toTheBank });
    const seed = `${this.link_token}/2`;
    const second = successSession({
      seed,
      startedAt: addSeconds(firstStart, 16 + 3 * MINUTE),
      steps: [
        ...toTheBank,
        view('SELECT_ACCOUNT', 95, PLATYPUS_OAUTH),
        view('CONNECTED', 104, PLATYPUS_OAUTH),
        { event_name: 'HANDOFF', at: 107, metadata: institutionFields(PLATYPUS_OAUTH) },
      ],
      institution: PLATYPUS_OAUTH,
      accounts: sandboxAccounts(seed),
      environment: 'sandbox',
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -53 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata({ redirect_uri: REDIRECT_URI }),
      sessions: [second, first],
      requestId,
    });
    return { kind: 'response', body };
  },
};

export const oauthContinuationInvalid: Scenario = {
  scenario: 'invalid-continuation-after-oauth',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000026',
  description:
    'Back from Platypus OAuth Bank, Link was reopened with a continuation Plaid refused: the session exited with INVALID_FIELD (“continuation token is invalid or has expired”).',
  diagnosis: { verdict: 'failed', actor: 'integrating team', findings: [] },
  answer({ now, requestId }) {
    const seed = `${this.link_token}/1`;
    const error = invalidContinuationToken(fixtureRequestId(`${seed}/error`));
    const session = exitSession({
      seed,
      startedAt: addSeconds(now, -18 * MINUTE),
      steps: [...toTheBank, ...errorThenExit(PLATYPUS_OAUTH, error, 'requires_oauth', 88)],
      institution: PLATYPUS_OAUTH,
      error,
      status: 'requires_oauth',
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -20 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata({ redirect_uri: REDIRECT_URI }),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};
