import { API_PATHS } from '../../shared/api-paths';
import { ServerInfoSchema, type ServerInfo } from '../../shared/api-types';
import { requestJson } from './request-json';

// GET /api/config: the server's mode (simulator or real Plaid) and which environments it holds
// credentials for. Read once per page: it only changes when the server restarts.
async function getServerInfo(options: { signal?: AbortSignal } = {}): Promise<ServerInfo> {
  return (await requestJson(API_PATHS.config, ServerInfoSchema, options)).data;
}

export const serverInfoQuery = {
  queryKey: ['server-info'],
  queryFn: ({ signal }: { signal: AbortSignal }) => getServerInfo({ signal }),
  staleTime: Infinity,
} as const;
