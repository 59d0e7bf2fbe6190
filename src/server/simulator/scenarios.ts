import type { SimulatorToken } from '../../shared/api-types';
import { fresh } from './scenarios/fresh';
import type { Scenario } from './types';

// Every fixture token the simulator knows, in the order the token picker shows them.
export const SCENARIOS: readonly Scenario[] = [fresh];

const byToken = new Map(SCENARIOS.map((s) => [s.link_token, s]));

export function findScenario(linkToken: string): Scenario | undefined {
  return byToken.get(linkToken);
}

export function listScenarioTokens(): SimulatorToken[] {
  return SCENARIOS.map(({ link_token, scenario, description }) => ({ link_token, scenario, description }));
}
