import { API_PATHS } from '../../shared/api-paths';
import { SimulatorTokenListSchema, type SimulatorToken } from '../../shared/api-types';
import { requestJson } from './request-json';

// GET /api/simulator/tokens: the simulator's fixture tokens, one per scenario (simulator mode only).
async function getSimulatorTokens(options: { signal?: AbortSignal } = {}): Promise<SimulatorToken[]> {
  return (await requestJson(API_PATHS.simulatorTokens, SimulatorTokenListSchema, options)).data.tokens;
}

export const simulatorTokensQuery = {
  queryKey: ['simulator-tokens'],
  queryFn: ({ signal }: { signal: AbortSignal }) => getSimulatorTokens({ signal }),
  staleTime: Infinity,
} as const;
