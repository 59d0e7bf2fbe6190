import { API_PATHS } from '../../shared/api-paths';
import type { PlaidEnvironment } from '../../shared/link-token';
import type { InstitutionsGetByIdRequest } from '../../shared/schemas/institutions-get-by-id-request';
import {
  InstitutionsGetByIdResponseSchema,
  type InstitutionDetails,
} from '../../shared/schemas/institutions-get-by-id-response';
import { requestJson } from './request-json';

// POST /api/institutions/get_by_id: the institution with its health (status) and logo, or an
// ApiError.
export async function getInstitution(
  request: InstitutionsGetByIdRequest,
  options: { signal?: AbortSignal } = {},
): Promise<InstitutionDetails> {
  const answer = await requestJson(API_PATHS.institutionsGetById, InstitutionsGetByIdResponseSchema, {
    method: 'POST',
    body: request,
    signal: options.signal,
  });
  return answer.data.institution;
}

// What a health lookup needs besides the institution: the token's environment and countries, and
// the credentials of the lookup that produced the answer (null: the server's own).
export type InstitutionScope = {
  // The lookup or batch run the answer came from ("lookup-3", "batch-1"): a new one asks again (its
  // credentials may differ), while live-watch polls of the same lookup and a batch's rows at one
  // bank reuse the answer. The key never holds credentials.
  lookupKey: string;
  environment: PlaidEnvironment;
  countryCodes: readonly string[];
  credentials: { client_id: string; secret: string } | null;
};

// Plaid's health figures move within minutes; the server keeps its answer for 60 s as well.
const HEALTH_FRESH_MS = 60_000;

export function institutionQuery(institutionId: string, scope: InstitutionScope) {
  return {
    queryKey: ['institution', scope.lookupKey, scope.environment, institutionId, scope.countryCodes],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      getInstitution(
        {
          institution_id: institutionId,
          environment: scope.environment,
          country_codes: [...scope.countryCodes],
          ...scope.credentials,
        },
        { signal },
      ),
    staleTime: HEALTH_FRESH_MS,
  } as const;
}
