import { Hono, type Context } from 'hono';
import { timing } from 'hono/timing';
import type { z } from 'zod';
import {
  InstitutionsGetByIdRequestSchema,
  type InstitutionLookup,
} from '../../shared/schemas/institutions-get-by-id-request';
import type { InstitutionsGetByIdResponse } from '../../shared/schemas/institutions-get-by-id-response';
import type { AppEnv } from '../app-env';
import type { Config } from '../config';
import type { BytesInFlight } from '../upstream/bytes-in-flight';
import { createInstitutionCache } from '../upstream/institution-cache';
import { getInstitutionById } from '../upstream/plaid-client';
import { secretPatterns } from '../upstream/secret-echo';
import { askPlaidFor, plaidRouteErrors, respondWithPlaidReply, type PlaidReply } from './ask-plaid';
import { checkedBody, type Rejection } from './lookup-body';

// POST /api/institutions/get_by_id: the institution a session dealt with, and its health. Checked,
// given credentials and refused like a token lookup; asks Plaid's /institutions/get_by_id (through
// a one-minute cache that also lets identical requests share a call) and passes its answer
// through unchanged.

export const NOT_AN_INSTITUTION_REQUEST =
  'Send a JSON object such as {"institution_id": "ins_109508", "environment": "production"}, with country_codes, and client_id and secret if the server holds no credentials.';

export function institutionsGetByIdRoute(config: Config, bytesInFlight: BytesInFlight) {
  const lookUp = institutionLookup(config, bytesInFlight);
  return new Hono<AppEnv>().onError(plaidRouteErrors(NOT_AN_INSTITUTION_REQUEST)).post(
    '/',
    timing(),
    checkedBody(InstitutionsGetByIdRequestSchema, {
      allowRequestCredentials: config.allowRequestCredentials,
      sendOnly: 'the institution_id and environment',
      reject: rejection,
    }),
    async (c) => respondWithPlaidReply<InstitutionsGetByIdResponse>(c, await lookUp(c, c.req.valid('json'))),
  );
}

// One institution looked up, as the route and the MCP tools do it, through the lookup's own cache.
export type LookUpInstitution = (c: Context<AppEnv>, lookup: InstitutionLookup) => Promise<PlaidReply>;

export function institutionLookup(config: Config, bytesInFlight: BytesInFlight): LookUpInstitution {
  const cache = createInstitutionCache();
  const serverSecrets = secretPatterns(Object.values(config.plaid.secrets));
  return (c, lookup) => {
    const { environment } = lookup;
    return askPlaidFor(
      c,
      config,
      { environment, subject: { institutionId: lookup.institution_id }, requestCredentials: lookup },
      // Others may be waiting for the same call: it is abandoned only when the last of their
      // browsers has gone away (see institution-cache.ts).
      ({ clientId, secret }, signal) => {
        const query = {
          environment,
          institutionId: lookup.institution_id,
          countryCodes: lookup.country_codes,
          clientId,
          secret,
        };
        return cache.lookUp(query, signal, (sharedSignal) =>
          getInstitutionById({
            ...query,
            baseUrl: config.plaid.urls[environment],
            bytesInFlight,
            serverSecrets,
            timeoutMs: config.plaid.timeoutMs,
            maxResponseBytes: config.plaid.maxResponseBytes,
            signal: sharedSignal,
          }),
        );
      },
    );
  };
}

// The schema words each field's rule (see institutions-get-by-id-request.ts).
function rejection(error: z.core.$ZodError): Rejection {
  const issue = error.issues[0];
  // The schema's one refinement: a client_id without a secret or the other way round.
  if (issue?.code === 'custom') return { code: 'INCOMPLETE_CREDENTIALS', message: issue.message };
  if (issue && issue.path.length > 0) return { code: 'INVALID_BODY', message: issue.message };
  return { code: 'INVALID_BODY', message: NOT_AN_INSTITUTION_REQUEST };
}
