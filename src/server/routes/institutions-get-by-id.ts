import { Hono } from 'hono';
import type { UnofficialStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { InstitutionsGetByIdRequestSchema } from '../../shared/schemas/institutions-get-by-id-request';
import type { InstitutionsGetByIdResponse } from '../../shared/schemas/institutions-get-by-id-response';
import type { AppEnv } from '../app-env';
import type { Config } from '../config';
import { respondWithProxyError } from '../proxy-error-response';
import type { BytesInFlight } from '../upstream/bytes-in-flight';
import { createInstitutionCache, type InstitutionAnswer } from '../upstream/institution-cache';
import { getInstitutionById } from '../upstream/plaid-client';
import { secretPatterns } from '../upstream/secret-echo';
import { chooseCredentials, missingCredentialsMessage } from './credentials';
import { checkedBody, type Rejection } from './lookup-body';
import { passPlaidAnswer, refusalTiming, respondWithUpstreamFailure } from './plaid-answer';

// POST /api/institutions/get_by_id: the institution a session dealt with, and its health. Checked,
// given credentials and refused like a token lookup; asks Plaid's /institutions/get_by_id (through
// a one-minute cache that also lets identical requests share a call) and passes its answer
// through unchanged.

export const NOT_AN_INSTITUTION_REQUEST =
  'Send a JSON object such as {"institution_id": "ins_109508", "environment": "production"}, with country_codes, and client_id and secret if the server holds no credentials.';

export function institutionsGetByIdRoute(config: Config, bytesInFlight: BytesInFlight) {
  const cache = createInstitutionCache();
  const serverSecrets = secretPatterns(Object.values(config.plaid.secrets));

  return new Hono<AppEnv>().post(
    '/',
    refusalTiming(),
    checkedBody(InstitutionsGetByIdRequestSchema, {
      allowRequestCredentials: config.allowRequestCredentials,
      sendOnly: 'the institution_id and environment',
      reject: rejection,
    }),
    async (c) => {
      const started = performance.now();
      const body = c.req.valid('json');
      const { environment } = body;
      const chosen = chooseCredentials(body, environment, config);
      if (!chosen) {
        return respondWithProxyError(
          c,
          'MISSING_CREDENTIALS',
          missingCredentialsMessage(environment, config),
        );
      }
      const facts = { institutionId: body.institution_id, environment, credentials: chosen.credentials };
      c.set('lookup', facts);

      const query = {
        environment,
        institutionId: body.institution_id,
        countryCodes: body.country_codes,
        clientId: chosen.clientId,
        secret: chosen.secret,
      };
      // Others may be waiting for the same call: it is abandoned only when the last of their
      // browsers has gone away (see institution-cache.ts).
      let answer;
      try {
        answer = await cache.lookUp(query, c.req.raw.signal, (signal) =>
          getInstitutionById({
            ...query,
            baseUrl: config.plaid.urls[environment],
            bytesInFlight,
            serverSecrets,
            timeoutMs: config.plaid.timeoutMs,
            maxResponseBytes: config.plaid.maxResponseBytes,
            signal,
          }),
        );
      } catch (error) {
        // The browser went away meanwhile. 499 (nginx's "client closed request") reaches nobody but
        // keeps the logs and metrics honest.
        if (c.req.raw.signal.aborted) return c.body(null, 499 as UnofficialStatusCode);
        throw error;
      }
      const { outcome, from, ageMs } = answer;
      const waitedMs = performance.now() - started;
      c.header('Server-Timing', serverTiming(from, waitedMs));

      if (!outcome.ok) return respondWithUpstreamFailure(c, outcome);

      if (from === 'upstream') {
        c.set('lookup', {
          ...facts,
          upstream: { status: outcome.status, plaidRequestId: outcome.plaidRequestId, durationMs: waitedMs },
        });
      } else {
        c.set('lookup', { ...facts, reused: from });
      }
      // How long ago Plaid gave the answer, in seconds (RFC 9111), when it comes from the cache.
      if (from === 'cache') c.header('Age', String(Math.floor(ageMs / 1000)));
      return passPlaidAnswer<InstitutionsGetByIdResponse>(c, outcome);
    },
  );
}

// The time waited for Plaid, or that there was nothing to wait for.
function serverTiming(from: InstitutionAnswer['from'], waitedMs: number): string {
  const ms = waitedMs.toFixed(1);
  if (from === 'cache') return `cache;desc="hit", proxy;dur=${ms}`;
  if (from === 'shared') return `upstream;dur=${ms};desc="shared call"`;
  return `upstream;dur=${ms}`;
}

// The schema words each field's rule (see institutions-get-by-id-request.ts).
function rejection(error: z.core.$ZodError): Rejection {
  const issue = error.issues[0];
  // The schema's one refinement: a client_id without a secret or the other way round.
  if (issue?.code === 'custom') return { code: 'INCOMPLETE_CREDENTIALS', message: issue.message };
  if (issue && issue.path.length > 0) return { code: 'INVALID_BODY', message: issue.message };
  return { code: 'INVALID_BODY', message: NOT_AN_INSTITUTION_REQUEST };
}
