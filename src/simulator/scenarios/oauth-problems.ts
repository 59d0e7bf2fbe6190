import { oauthStateIdNotFound } from '../errors';
import { fixtureRequestId } from '../ids';
import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { errorThenExit, institutionFields, openAndSelect, view } from './events';
import { PLATYPUS_OAUTH } from './institutions';
import { tokenMetadata } from './metadata';
import { exitSession, tokenAnswer } from './sessions';

// The two ways the return from a bank's own sign-in (OAuth) goes wrong: no way back to Link, and
// a way back the app handled wrongly.

export const oauthWithoutRedirectUri: Scenario = {
  scenario: 'oauth-no-redirect-uri',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000009',
  description:
    'No redirect_uri on the token: the user went to Platypus OAuth Bank’s own sign-in and never came back to Link (exit status requires_oauth).',
  diagnosis: { verdict: 'abandoned', actor: 'integrating team', findings: ['oauth-without-redirect-uri'] },
  answer({ now, requestId }) {
    const bank = institutionFields(PLATYPUS_OAUTH);
    const session = exitSession({
      seed: `${this.link_token}/1`,
      startedAt: addSeconds(now, -14 * MINUTE),
      steps: [
        ...openAndSelect(PLATYPUS_OAUTH),
        view('OAUTH', 13, PLATYPUS_OAUTH),
        { event_name: 'OPEN_OAUTH', at: 16, metadata: bank },
        { event_name: 'EXIT', at: 212, metadata: { ...bank, exit_status: 'requires_oauth' } },
      ],
      institution: PLATYPUS_OAUTH,
      error: null,
      status: 'requires_oauth',
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -16 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata({ redirect_uri: null }),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};

export const oauthStateNotFound: Scenario = {
  scenario: 'exit-oauth-state-not-found',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000010',
  description:
    'Back from Platypus OAuth Bank, the app reopened Link without the full redirect URL: the session exited with OAUTH_STATE_ID_NOT_FOUND.',
  diagnosis: { verdict: 'failed', actor: 'integrating team', findings: [] },
  answer({ now, requestId }) {
    const seed = `${this.link_token}/1`;
    const error = oauthStateIdNotFound(fixtureRequestId(`${seed}/error`));
    const session = exitSession({
      seed,
      startedAt: addSeconds(now, -22 * MINUTE),
      steps: [
        ...openAndSelect(PLATYPUS_OAUTH),
        view('OAUTH', 13, PLATYPUS_OAUTH),
        { event_name: 'OPEN_OAUTH', at: 16, metadata: institutionFields(PLATYPUS_OAUTH) },
        ...errorThenExit(PLATYPUS_OAUTH, error, 'requires_oauth', 75),
      ],
      institution: PLATYPUS_OAUTH,
      error,
      status: 'requires_oauth',
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -25 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata({ redirect_uri: 'https://app.example.com/plaid/oauth-return' }),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};
