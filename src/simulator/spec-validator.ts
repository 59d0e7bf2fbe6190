import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { vendoredSpec } from '../shared/spec/vendored-spec';

// Validators for Plaid's OpenAPI schemas (the vendored 2020-09-14 spec), used by the conformance
// tests to check every simulator answer with a real JSON-Schema validator.
//
// OpenAPI 3.0 schemas are JSON Schema with extras: Ajv understands `nullable: true` natively;
// `strict: false` lets it ignore OpenAPI-only keywords (example, externalDocs, x-…, deprecated
// annotations) instead of refusing the schema.

const SPEC_ID = 'plaid-openapi.json';

export interface SpecValidators {
  // LinkTokenGetResponse
  response: ValidateFunction;
  institution: ValidateFunction;
  error: ValidateFunction;
}

export function specValidators({ relaxEnums = false } = {}): SpecValidators {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const spec = relaxEnums ? withoutEnums(structuredClone(vendoredSpec)) : vendoredSpec;
  ajv.addSchema({ ...spec, $id: SPEC_ID });
  return {
    response: ajv.compile({ $ref: `${SPEC_ID}#/components/schemas/LinkTokenGetResponse` }),
    institution: ajv.compile({ $ref: `${SPEC_ID}#/components/schemas/InstitutionsGetByIdResponse` }),
    error: ajv.compile({ $ref: `${SPEC_ID}#/components/schemas/PlaidError` }),
  };
}

// The same schemas with every enum lifted: what a client that accepts enum values it does not know
// yet (Plaid adds them without a new API version) should accept.
function withoutEnums<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(withoutEnums) as T;
  if (typeof schema !== 'object' || schema === null) return schema;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key !== 'enum') result[key] = withoutEnums(value);
  }
  return result as T;
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.keyword}: ${e.message}`).join('\n');
}
