import { API_PATHS } from '../../shared/api-paths';
import {
  ApiKeyCreatedSchema,
  ApiKeyListSchema,
  ApiKeySummarySchema,
  type ApiKeyCreated,
  type ApiKeyCreateRequest,
  type ApiKeyList,
  type ApiKeySummary,
} from '../../shared/schemas/api-keys';
import { requestJson } from './request-json';

// /api/keys: the API keys of machine clients, managed by the signed-in user. The key made by
// createApiKey comes back once, in memory only: nothing here stores or logs it.

export const apiKeysQuery = {
  queryKey: ['api-keys'],
  queryFn: async ({ signal }: { signal: AbortSignal }): Promise<ApiKeyList> =>
    (await requestJson(API_PATHS.apiKeys, ApiKeyListSchema, { signal })).data,
} as const;

export async function createApiKey(request: ApiKeyCreateRequest): Promise<ApiKeyCreated> {
  return (await requestJson(API_PATHS.apiKeys, ApiKeyCreatedSchema, { method: 'POST', body: request })).data;
}

export async function revokeApiKey(id: string): Promise<ApiKeySummary> {
  const path = `${API_PATHS.apiKeys}/${encodeURIComponent(id)}`;
  return (await requestJson(path, ApiKeySummarySchema, { method: 'DELETE' })).data;
}
