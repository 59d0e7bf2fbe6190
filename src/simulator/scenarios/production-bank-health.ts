import type { PlaidError } from '../../shared/schemas/plaid-error';
import { institutionDown, invalidCredentials } from '../errors';
import { fixtureRequestId } from '../ids';
import {
  BILBY_SAVINGS_BANK,
  NUMBAT_FEDERAL_SAVINGS,
  QUOKKA_CREDIT_UNION,
  WELLS_FARGO,
  WOMBAT_COMMUNITY_BANK,
} from '../institutions/catalog';
import { institutionNoLongerSupported, institutionNotResponding } from '../institutions/errors';
import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { errorThenExit, institutionFields, openAndSelect, view, type EventStep } from './events';
import type { Institution } from './institutions';
import { tokenMetadata } from './metadata';
import { exitSession, tokenAnswer } from './sessions';

// Production tokens whose one session failed at a bank, one per state of the bank's health as
// /institutions/get_by_id reports it (see ../institutions/catalog.ts): down with an incident that
// overlaps the session, degraded, healthy (the failure was the user's), too small to report, and
// no longer listed by Plaid. Their UUIDs share the "a000" group.

type Story = Pick<Scenario, 'scenario' | 'description' | 'diagnosis'> & {
  number: number;
  bank: Institution;
  // When the session started, and when the token was made, in minutes before now.
  startedMinutesAgo: number;
  createdMinutesAgo: number;
  lifetimeSeconds: number;
  error: (requestId: string) => PlaidError;
  // The session's events up to (not including) the error.
  steps: EventStep[];
  errorAt: number;
  exitStatus: string;
};

function credentialSteps(bank: Institution, at: number): EventStep[] {
  return [
    view('CREDENTIAL', at, bank),
    { event_name: 'SUBMIT_CREDENTIALS', at: at + 18, metadata: institutionFields(bank) },
    view('LOADING', at + 19, bank),
  ];
}

function productionScenario(story: Story): Scenario {
  const linkToken = `link-production-00000000-0000-4000-a000-${String(story.number).padStart(12, '0')}`;
  return {
    scenario: story.scenario,
    link_token: linkToken,
    description: story.description,
    diagnosis: story.diagnosis,
    answer({ now, requestId }) {
      const seed = `${linkToken}/1`;
      const error = story.error(fixtureRequestId(`${seed}/error`));
      const session = exitSession({
        seed,
        startedAt: addSeconds(now, -story.startedMinutesAgo * MINUTE),
        steps: [...story.steps, ...errorThenExit(story.bank, error, story.exitStatus, story.errorAt)],
        institution: story.bank,
        error,
        status: story.exitStatus,
      });
      const body = tokenAnswer({
        linkToken,
        createdAt: addSeconds(now, -story.createdMinutesAgo * MINUTE),
        lifetimeSeconds: story.lifetimeSeconds,
        metadata: tokenMetadata(),
        sessions: [session],
        requestId,
      });
      return { kind: 'response', body };
    },
  };
}

export const productionBankHealthScenarios: Scenario[] = [
  productionScenario({
    number: 1,
    scenario: 'bank-down',
    diagnosis: { verdict: 'failed', actor: 'bank', findings: [] },
    description:
      'Production: the session exited with INSTITUTION_DOWN at Quokka Credit Union, during a health incident there; the bank’s logins are now down.',
    bank: QUOKKA_CREDIT_UNION,
    startedMinutesAgo: 40,
    createdMinutesAgo: 42,
    lifetimeSeconds: 4 * HOUR,
    error: institutionDown,
    steps: [...openAndSelect(QUOKKA_CREDIT_UNION), ...credentialSteps(QUOKKA_CREDIT_UNION, 13)],
    errorAt: 45,
    exitStatus: 'requires_credentials',
  }),
  productionScenario({
    number: 2,
    scenario: 'bank-degraded',
    diagnosis: { verdict: 'failed', actor: 'bank', findings: [] },
    description:
      'Production: Link warned that Bilby Savings Bank was degraded (SELECT_DEGRADED_INSTITUTION); the user went on and the session exited with INSTITUTION_NOT_RESPONDING.',
    bank: BILBY_SAVINGS_BANK,
    startedMinutesAgo: 25,
    createdMinutesAgo: 27,
    lifetimeSeconds: 4 * HOUR,
    error: institutionNotResponding,
    steps: [
      ...openAndSelect(BILBY_SAVINGS_BANK),
      { event_name: 'SELECT_DEGRADED_INSTITUTION', at: 13, metadata: institutionFields(BILBY_SAVINGS_BANK) },
      ...credentialSteps(BILBY_SAVINGS_BANK, 20),
    ],
    errorAt: 70,
    exitStatus: 'requires_credentials',
  }),
  productionScenario({
    number: 3,
    scenario: 'bank-healthy',
    diagnosis: { verdict: 'failed', actor: 'end user', findings: [] },
    description:
      'Production: the session exited with INVALID_CREDENTIALS at Wells Fargo, whose logins are healthy: the failure was the user’s.',
    bank: WELLS_FARGO,
    startedMinutesAgo: 15,
    createdMinutesAgo: 16,
    lifetimeSeconds: 4 * HOUR,
    error: invalidCredentials,
    steps: [...openAndSelect(WELLS_FARGO), ...credentialSteps(WELLS_FARGO, 13)],
    errorAt: 34,
    exitStatus: 'requires_credentials',
  }),
  productionScenario({
    number: 4,
    scenario: 'bank-no-status',
    diagnosis: { verdict: 'failed', actor: 'bank', findings: [] },
    description:
      'Production: the session exited with INSTITUTION_NOT_RESPONDING at Wombat Community Bank, too small for Plaid to report its health.',
    bank: WOMBAT_COMMUNITY_BANK,
    startedMinutesAgo: 50,
    createdMinutesAgo: 55,
    lifetimeSeconds: 4 * HOUR,
    error: institutionNotResponding,
    steps: [...openAndSelect(WOMBAT_COMMUNITY_BANK), ...credentialSteps(WOMBAT_COMMUNITY_BANK, 13)],
    errorAt: 62,
    exitStatus: 'requires_credentials',
  }),
  productionScenario({
    number: 5,
    scenario: 'bank-unlisted',
    diagnosis: { verdict: 'failed', actor: 'end user', findings: ['token-lifetime'] },
    description:
      'Production, update mode: the session exited with INSTITUTION_NO_LONGER_SUPPORTED at Numbat Federal Savings, which Plaid no longer lists (its institution lookup answers INVALID_INSTITUTION).',
    bank: NUMBAT_FEDERAL_SAVINGS,
    startedMinutesAgo: 10,
    createdMinutesAgo: 12,
    lifetimeSeconds: 30 * MINUTE,
    error: institutionNoLongerSupported,
    // Update mode starts on the Item's own institution: no institution search.
    steps: [{ event_name: 'OPEN', at: 0 }, view('CREDENTIAL', 2, NUMBAT_FEDERAL_SAVINGS)],
    errorAt: 4,
    exitStatus: 'requires_credentials',
  }),
];
