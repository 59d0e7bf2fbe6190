import type { LookupSuccess } from '../api/lookup-link-token';
import {
  LinkTokenGetResponseSchema,
  type LinkTokenGetResponse,
} from '../../shared/schemas/link-token-get-response';
import { specExampleResponse } from '../../shared/spec/vendored-spec';

// What the api layer hands the views for a lookup that succeeded, built from schema-valid data.

export function makeResult(
  data: LinkTokenGetResponse,
  timing: LookupSuccess['timing'] = null,
): LookupSuccess {
  return { data, raw: data, size: JSON.stringify(data).length, timing };
}

// The same for a body as Plaid sent it (unknown fields and all), kept as the raw answer.
export function resultFromBody(raw: Record<string, unknown>): LookupSuccess {
  return { data: LinkTokenGetResponseSchema.parse(raw), raw, size: JSON.stringify(raw).length, timing: null };
}

export function specExampleResult(): LookupSuccess {
  return {
    data: LinkTokenGetResponseSchema.parse(specExampleResponse),
    raw: specExampleResponse,
    size: JSON.stringify(specExampleResponse).length,
    timing: null,
  };
}
