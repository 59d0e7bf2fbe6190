import { SimulatorTokenListSchema, type SimulatorToken } from '../../shared/api-types';
import { fetchJson } from './fetch-json';

// GET /api/simulator/tokens: the simulator's fixture tokens, one per scenario (simulator mode only).
export async function getSimulatorTokens(options: { signal?: AbortSignal } = {}): Promise<SimulatorToken[]> {
  const body = await fetchJson('/api/simulator/tokens', SimulatorTokenListSchema, options);
  return body.tokens;
}

export const simulatorTokensQuery = {
  queryKey: ['simulator-tokens'],
  queryFn: ({ signal }: { signal: AbortSignal }) => getSimulatorTokens({ signal }),
  staleTime: Infinity,
} as const;
