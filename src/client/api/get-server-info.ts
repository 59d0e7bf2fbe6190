import { ServerInfoSchema, type ServerInfo } from '../../shared/api-types';
import { fetchJson } from './fetch-json';

// GET /api/config: the server's mode (simulator or real Plaid) and which environments it holds
// credentials for. Read once per page: it only changes when the server restarts.
export function getServerInfo(options: { signal?: AbortSignal } = {}): Promise<ServerInfo> {
  return fetchJson('/api/config', ServerInfoSchema, options);
}

export const serverInfoQuery = {
  queryKey: ['server-info'],
  queryFn: ({ signal }: { signal: AbortSignal }) => getServerInfo({ signal }),
  staleTime: Infinity,
} as const;
