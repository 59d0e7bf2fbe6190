import type { hc, InferRequestType, InferResponseType } from 'hono/client';
import { describe, expectTypeOf, it } from 'vitest';
import type { ServerInfo } from '../shared/api-types';
import type { InstitutionsGetByIdRequest } from '../shared/schemas/institutions-get-by-id-request';
import type { InstitutionsGetByIdResponse } from '../shared/schemas/institutions-get-by-id-response';
import type { LinkTokenGetRequest } from '../shared/schemas/link-token-get-request';
import type { LinkTokenGetResponse } from '../shared/schemas/link-token-get-response';
import type { ProxyError } from '../shared/schemas/proxy-error';
import type { AppType } from './app';

// The app's type carries the API's routes, bodies and answers, for a typed client (hono/client).
// Checked by the type checker (npx tsc --noEmit), which fails on a route whose types were erased.
type Client = ReturnType<typeof hc<AppType>>;

describe('AppType', () => {
  it('describes POST /api/link/token/get: its body, Plaid answer and our errors', () => {
    type Lookup = Client['api']['link']['token']['get']['$post'];
    expectTypeOf<InferRequestType<Lookup>['json']>().toEqualTypeOf<LinkTokenGetRequest>();
    expectTypeOf<InferResponseType<Lookup, 200>>().toEqualTypeOf<LinkTokenGetResponse>();
    expectTypeOf<ProxyError>().toExtend<InferResponseType<Lookup, 415>>();
  });

  it('describes POST /api/institutions/get_by_id: its body (country_codes optional), Plaid answer and our errors', () => {
    type Institution = Client['api']['institutions']['get_by_id']['$post'];
    expectTypeOf<InferRequestType<Institution>['json']>().toEqualTypeOf<InstitutionsGetByIdRequest>();
    expectTypeOf<InferResponseType<Institution, 200>>().toEqualTypeOf<InstitutionsGetByIdResponse>();
    expectTypeOf<ProxyError>().toExtend<InferResponseType<Institution, 400>>();
  });

  it('describes GET /api/config and GET /api/simulator/tokens', () => {
    expectTypeOf<InferResponseType<Client['api']['config']['$get']>>().toEqualTypeOf<ServerInfo>();
    expectTypeOf<InferResponseType<Client['api']['simulator']['tokens']['$get'], 200>>().toHaveProperty(
      'tokens',
    );
  });
});
