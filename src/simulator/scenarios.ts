import type { SimulatorToken } from '../shared/api-types';
import { abandonedAtSearch, abandonedWithoutExit, expiredWhileOpen } from './scenarios/abandoned';
import {
  redirectUriInvalid,
  sessionWithoutEvents,
  webhookMissing,
  webhookPlainHttp,
  webhookUnreachable,
} from './scenarios/configuration';
import { cra } from './scenarios/cra';
import { errorWithoutExit, invalidLinkTokenOpenTooLong } from './scenarios/error-without-exit';
import { expired } from './scenarios/expired';
import { faultScenarios } from './scenarios/faults';
import { forwardCompatible } from './scenarios/forward-compatible';
import { fresh } from './scenarios/fresh';
import { income } from './scenarios/income';
import { inProgress } from './scenarios/in-progress';
import {
  downBankChosen,
  filteredInstitution,
  institutionNotFoundWithAuth,
} from './scenarios/institution-choice';
import { institutionDownExit, itemLoginRequiredExit } from './scenarios/institution-errors';
import { large } from './scenarios/large';
import { linkedNoIncomeFound, linkedPendingMicroDeposits } from './scenarios/linked-but';
import { live } from './scenarios/live';
import { identityVerificationPassed, returningUserLeftAtPhone } from './scenarios/newer-steps';
import { expiredUnused, noSessionData } from './scenarios/no-sessions';
import { oauth } from './scenarios/oauth';
import { oauthStateNotFound, oauthWithoutRedirectUri } from './scenarios/oauth-problems';
import { oauthContinuationInvalid, oauthNoReturn, oauthRestarted } from './scenarios/oauth-returns';
import { production } from './scenarios/production';
import { productOutsideCountries, productsNarrowBanks } from './scenarios/product-coverage';
import { productionBankHealthScenarios } from './scenarios/production-bank-health';
import { multiItemWithoutWebhook } from './scenarios/several-items';
import { severalSessions } from './scenarios/several-sessions';
import { success } from './scenarios/success';
import type { Scenario } from './types';

// Every fixture token the simulator knows, in the order the token picker shows them.
export const SCENARIOS: readonly Scenario[] = [
  fresh,
  inProgress,
  success,
  severalSessions,
  itemLoginRequiredExit,
  institutionDownExit,
  oauth,
  income,
  cra,
  expired,
  large,
  forwardCompatible,
  live,
  production,
  // One story per verdict and finding of the diagnosis.
  expiredUnused,
  noSessionData,
  abandonedAtSearch,
  abandonedWithoutExit,
  expiredWhileOpen,
  downBankChosen,
  filteredInstitution,
  institutionNotFoundWithAuth,
  oauthWithoutRedirectUri,
  oauthStateNotFound,
  oauthNoReturn,
  oauthRestarted,
  oauthContinuationInvalid,
  webhookUnreachable,
  webhookPlainHttp,
  webhookMissing,
  redirectUriInvalid,
  sessionWithoutEvents,
  errorWithoutExit,
  invalidLinkTokenOpenTooLong,
  linkedPendingMicroDeposits,
  linkedNoIncomeFound,
  multiItemWithoutWebhook,
  returningUserLeftAtPhone,
  identityVerificationPassed,
  productOutsideCountries,
  productsNarrowBanks,
  ...productionBankHealthScenarios,
  ...faultScenarios,
];

// Not a fixture: like any well-formed token the simulator does not know, it gets Plaid's
// INVALID_LINK_TOKEN. Listed so the picker offers that case too.
export const UNKNOWN_TOKEN: SimulatorToken = {
  link_token: 'link-sandbox-ffffffff-ffff-4fff-bfff-ffffffffffff',
  scenario: 'unknown',
  description:
    'Not a token the simulator knows: Plaid’s INVALID_LINK_TOKEN (any other well-formed token does the same).',
};

const byToken = new Map(SCENARIOS.map((s) => [s.link_token, s]));

export function findScenario(linkToken: string): Scenario | undefined {
  return byToken.get(linkToken);
}

export function listScenarioTokens(): SimulatorToken[] {
  return [
    ...SCENARIOS.map(({ link_token, scenario, description }) => ({ link_token, scenario, description })),
    UNKNOWN_TOKEN,
  ];
}

// The fixture token of a scenario by its name, for tests and benchmarks.
export function scenarioToken(name: string): string {
  const token = listScenarioTokens().find((candidate) => candidate.scenario === name);
  if (!token) throw new Error(`The simulator has no "${name}" scenario`);
  return token.link_token;
}
