import spec from './plaid.openapi.json';

// The vendored part of Plaid's OpenAPI spec (see scripts/vendor-spec.ts), typed just enough for
// the tests and the simulator to reach the example answers and the schemas.
export const vendoredSpec = spec;

export const specExampleResponse: unknown =
  spec.paths['/link/token/get'].post.responses['200'].content['application/json'].examples['example-1'].value;

export const specInstitutionExample: unknown =
  spec.paths['/institutions/get_by_id'].post.responses['200'].content['application/json'].examples[
    'example-1'
  ].value;
