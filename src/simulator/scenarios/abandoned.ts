import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { institutionFields, openAndSelect, view } from './events';
import { FIRST_PLATYPUS, TARTAN_BANK } from './institutions';
import { tokenMetadata } from './metadata';
import { exitSession, openSession, tokenAnswer } from './sessions';

// Sessions the user left without an error: closed at the search, closed the browser, or ran out of
// time.

export const abandonedAtSearch: Scenario = {
  scenario: 'abandoned-at-search',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000003',
  description:
    'The user searched for a bank twice, then closed Link at the search without choosing one (exit status requires_credentials, no error).',
  diagnosis: { verdict: 'abandoned', actor: 'end user', findings: [] },
  answer({ now, requestId }) {
    const session = exitSession({
      seed: `${this.link_token}/1`,
      startedAt: addSeconds(now, -12 * MINUTE),
      steps: [
        { event_name: 'OPEN', at: 0 },
        view('CONSENT', 1),
        view('SELECT_INSTITUTION', 6),
        { event_name: 'SEARCH_INSTITUTION', at: 9, metadata: { institution_search_query: 'quokka' } },
        { event_name: 'SEARCH_INSTITUTION', at: 15, metadata: { institution_search_query: 'quokka bank' } },
        view('EXIT', 40),
        { event_name: 'EXIT', at: 43, metadata: { exit_status: 'requires_credentials' } },
      ],
      institution: null,
      error: null,
      status: 'requires_credentials',
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -15 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata(),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};

export const abandonedWithoutExit: Scenario = {
  scenario: 'abandoned-without-exit',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000004',
  description:
    'A session that stopped at First Platypus Bank’s sign-in form about 50 minutes ago, with no EXIT (the browser was closed); the token is still valid.',
  diagnosis: { verdict: 'abandoned', actor: 'end user', findings: [] },
  answer({ now, requestId }) {
    const session = openSession({
      seed: `${this.link_token}/1`,
      startedAt: addSeconds(now, -50 * MINUTE),
      steps: [...openAndSelect(FIRST_PLATYPUS), view('CREDENTIAL', 13, FIRST_PLATYPUS)],
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -55 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata(),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};

// Update mode: the Item's bank is known, so Link opens on its sign-in form.
export const expiredWhileOpen: Scenario = {
  scenario: 'expired-while-open',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000005',
  description:
    'Update mode (30-minute token, expired 20 minutes ago): the user reached Tartan Bank’s one-time code and was still there when the token expired.',
  diagnosis: { verdict: 'abandoned', actor: 'end user', findings: ['expired-while-open', 'token-lifetime'] },
  answer({ now, requestId }) {
    const bank = institutionFields(TARTAN_BANK);
    const session = openSession({
      seed: `${this.link_token}/1`,
      startedAt: addSeconds(now, -27 * MINUTE),
      steps: [
        { event_name: 'OPEN', at: 0 },
        view('CREDENTIAL', 2, TARTAN_BANK),
        { event_name: 'SUBMIT_CREDENTIALS', at: 25, metadata: bank },
        { event_name: 'TRANSITION_VIEW', at: 27, metadata: { view_name: 'MFA', mfa_type: 'code', ...bank } },
      ],
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -50 * MINUTE),
      lifetimeSeconds: 30 * MINUTE,
      metadata: tokenMetadata(),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};
