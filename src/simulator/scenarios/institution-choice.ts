import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { institutionFields, view, type EventStep } from './events';
import { TARTAN_DOMINION, UNHEALTHY_DOWN, type Institution } from './institutions';
import { tokenMetadata } from './metadata';
import { exitSession, tokenAnswer } from './sessions';

// Sessions that ended at the choice of a bank: one Link reported down, one the token's products or
// countries rule out, and one the user could not find.

function searchAndChoose(query: string, choice: string, institution: Institution): EventStep[] {
  return [
    { event_name: 'OPEN', at: 0 },
    view('CONSENT', 1),
    view('SELECT_INSTITUTION', 6),
    { event_name: 'SEARCH_INSTITUTION', at: 9, metadata: { institution_search_query: query } },
    { event_name: choice, at: 12, metadata: institutionFields(institution) },
  ];
}

export const downBankChosen: Scenario = {
  scenario: 'down-bank-chosen',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000006',
  description:
    'The user chose Unhealthy Platypus Bank - Down; Link reported its logins down (SELECT_DOWN_INSTITUTION), blocked the sign-in, and the user left.',
  diagnosis: { verdict: 'abandoned', actor: 'bank', findings: [] },
  answer({ now, requestId }) {
    const session = exitSession({
      seed: `${this.link_token}/1`,
      startedAt: addSeconds(now, -18 * MINUTE),
      steps: [
        ...searchAndChoose('unhealthy', 'SELECT_DOWN_INSTITUTION', UNHEALTHY_DOWN),
        {
          event_name: 'EXIT',
          at: 31,
          metadata: { ...institutionFields(UNHEALTHY_DOWN), exit_status: 'requires_credentials' },
        },
      ],
      institution: UNHEALTHY_DOWN,
      error: null,
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

export const filteredInstitution: Scenario = {
  scenario: 'filtered-institution',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000007',
  description:
    'A token for the US only: the user chose Tartan-Dominion Bank of Canada, which Link filtered out (SELECT_FILTERED_INSTITUTION, “Connectivity not supported”), and left.',
  diagnosis: { verdict: 'abandoned', actor: 'integrating team', findings: [] },
  answer({ now, requestId }) {
    const session = exitSession({
      seed: `${this.link_token}/1`,
      startedAt: addSeconds(now, -9 * MINUTE),
      steps: [
        ...searchAndChoose('tartan-dominion', 'SELECT_FILTERED_INSTITUTION', TARTAN_DOMINION),
        {
          event_name: 'EXIT',
          at: 24,
          metadata: { ...institutionFields(TARTAN_DOMINION), exit_status: 'institution_not_supported' },
        },
      ],
      institution: TARTAN_DOMINION,
      error: null,
      status: 'institution_not_supported',
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -10 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata({ country_codes: ['US'] }),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};

export const institutionNotFoundWithAuth: Scenario = {
  scenario: 'institution-not-found-auth',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000008',
  description:
    'A token for auth: the user searched for a credit union they could not find and left (institution_not_found); manual entry with micro-deposits could have linked it.',
  diagnosis: { verdict: 'abandoned', actor: 'integrating team', findings: [] },
  answer({ now, requestId }) {
    const session = exitSession({
      seed: `${this.link_token}/1`,
      startedAt: addSeconds(now, -6 * MINUTE),
      steps: [
        { event_name: 'OPEN', at: 0 },
        view('CONSENT', 1),
        view('SELECT_INSTITUTION', 6),
        {
          event_name: 'SEARCH_INSTITUTION',
          at: 9,
          metadata: { institution_search_query: 'quokka credit union' },
        },
        view('EXIT', 25),
        { event_name: 'EXIT', at: 28, metadata: { exit_status: 'institution_not_found' } },
      ],
      institution: null,
      error: null,
      status: 'institution_not_found',
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -8 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata({ initial_products: ['auth'], client_name: 'Acme Payments' }),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};
