import { institutionDown, itemLoginRequired } from '../errors';
import { fixtureRequestId } from '../ids';
import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { errorThenExit, institutionFields, openAndSelect, view } from './events';
import { HOUNDSTOOTH_BANK, TARTAN_BANK } from './institutions';
import { tokenMetadata } from './metadata';
import { exitSession, tokenAnswer } from './sessions';

// An update-mode token (made for an existing Item, so it lives 30 minutes): the user was sent to
// re-authenticate, did not finish the one-time code, and Link exited with ITEM_LOGIN_REQUIRED.
export const itemLoginRequiredExit: Scenario = {
  scenario: 'exit-item-login-required',
  link_token: 'link-sandbox-00000000-0000-4000-8000-000000000005',
  description:
    'Update mode (30-minute token): the session exited with ITEM_LOGIN_REQUIRED while the user was asked for a one-time code.',
  diagnosis: { verdict: 'failed', actor: 'integrating team', findings: ['token-lifetime'] },
  answer({ now, requestId }) {
    const seed = `${this.link_token}/1`;
    const error = itemLoginRequired(fixtureRequestId(`${seed}/error`));
    const session = exitSession({
      seed,
      startedAt: addSeconds(now, -8 * MINUTE),
      // Update mode starts on the Item's own institution: no institution search.
      steps: [
        { event_name: 'OPEN', at: 0 },
        view('CREDENTIAL', 2, TARTAN_BANK),
        { event_name: 'SUBMIT_CREDENTIALS', at: 20, metadata: institutionFields(TARTAN_BANK) },
        view('MFA', 23, TARTAN_BANK),
        ...errorThenExit(TARTAN_BANK, error, 'requires_code', 95),
      ],
      institution: TARTAN_BANK,
      error,
      status: 'requires_code',
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -10 * MINUTE),
      lifetimeSeconds: 30 * MINUTE,
      metadata: tokenMetadata(),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};

export const institutionDownExit: Scenario = {
  scenario: 'exit-institution-down',
  link_token: 'link-sandbox-00000000-0000-4000-8000-000000000006',
  description:
    'The session exited with INSTITUTION_DOWN: Houndstooth Bank was not responding after the login.',
  diagnosis: { verdict: 'failed', actor: 'bank', findings: [] },
  answer({ now, requestId }) {
    const seed = `${this.link_token}/1`;
    const error = institutionDown(fixtureRequestId(`${seed}/error`));
    const session = exitSession({
      seed,
      startedAt: addSeconds(now, -15 * MINUTE),
      steps: [
        ...openAndSelect(HOUNDSTOOTH_BANK),
        view('CREDENTIAL', 13, HOUNDSTOOTH_BANK),
        { event_name: 'SUBMIT_CREDENTIALS', at: 31, metadata: institutionFields(HOUNDSTOOTH_BANK) },
        view('LOADING', 32, HOUNDSTOOTH_BANK),
        ...errorThenExit(HOUNDSTOOTH_BANK, error, 'requires_credentials', 62),
      ],
      institution: HOUNDSTOOTH_BANK,
      error,
      status: 'requires_credentials',
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -20 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata(),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};
