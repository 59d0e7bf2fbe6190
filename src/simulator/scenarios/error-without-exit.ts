import { invalidCredentials, plaidError } from '../errors';
import { fixtureRequestId } from '../ids';
import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { errorThenExit, institutionFields, openAndSelect, view, type EventStep } from './events';
import { TARTAN_BANK } from './institutions';
import { tokenMetadata } from './metadata';
import { exitSession, openSession, tokenAnswer } from './sessions';

// Sessions whose failure only the ERROR events tell, or whose error needs the answer's times to
// explain.

// One wrong password: submit, Link reports INVALID_CREDENTIALS and shows the form again.
function failedSignIn(at: number): EventStep[] {
  const error = invalidCredentials('unused');
  return [
    { event_name: 'SUBMIT_CREDENTIALS', at, metadata: institutionFields(TARTAN_BANK) },
    {
      event_name: 'ERROR',
      at: at + 3,
      metadata: {
        ...institutionFields(TARTAN_BANK),
        error_type: error.error_type,
        error_code: error.error_code,
        error_message: error.error_message,
      },
    },
    view('ERROR', at + 4, TARTAN_BANK),
    view('CREDENTIAL', at + 10, TARTAN_BANK),
  ];
}

export const errorWithoutExit: Scenario = {
  scenario: 'error-without-exit',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000020',
  description:
    'Three wrong passwords at Tartan Bank, then the user closed the tab: ERROR events, no EXIT, last activity 45 minutes ago.',
  diagnosis: { verdict: 'failed', actor: 'end user', findings: [] },
  answer({ now, requestId }) {
    const session = openSession({
      seed: `${this.link_token}/1`,
      startedAt: addSeconds(now, -47 * MINUTE),
      steps: [
        ...openAndSelect(TARTAN_BANK),
        view('CREDENTIAL', 13, TARTAN_BANK),
        ...failedSignIn(30),
        ...failedSignIn(60),
        ...failedSignIn(90),
      ],
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -50 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata(),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};

export const invalidLinkTokenOpenTooLong: Scenario = {
  scenario: 'invalid-link-token-open-too-long',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000021',
  description:
    'The user left Link open at Tartan Bank’s sign-in form for over half an hour; on submitting, Link failed with INVALID_LINK_TOKEN.',
  diagnosis: { verdict: 'failed', actor: 'integrating team', findings: [] },
  answer({ now, requestId }) {
    const seed = `${this.link_token}/1`;
    const error = plaidError({
      status: 400,
      type: 'INVALID_INPUT',
      code: 'INVALID_LINK_TOKEN',
      message: 'link token has expired',
      displayMessage: 'Something went wrong. Please try again.',
      requestId: fixtureRequestId(`${seed}/error`),
    });
    const session = exitSession({
      seed,
      startedAt: addSeconds(now, -40 * MINUTE),
      steps: [
        ...openAndSelect(TARTAN_BANK),
        view('CREDENTIAL', 13, TARTAN_BANK),
        { event_name: 'SUBMIT_CREDENTIALS', at: 34 * 60, metadata: institutionFields(TARTAN_BANK) },
        ...errorThenExit(TARTAN_BANK, error, 'requires_credentials', 34 * 60 + 2),
      ],
      institution: TARTAN_BANK,
      error,
      status: 'requires_credentials',
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -45 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata(),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};
