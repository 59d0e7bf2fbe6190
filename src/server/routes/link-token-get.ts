import { Hono } from 'hono';
import type { UnofficialStatusCode } from 'hono/utils/http-status';
import { checkLinkToken, type PlaidEnvironment } from '../../shared/link-token';
import type { LinkTokenGetRequest } from '../../shared/schemas/link-token-get-request';
import type { LinkTokenGetResponse } from '../../shared/schemas/link-token-get-response';
import type { ProxyErrorCode } from '../../shared/schemas/proxy-error';
import type { AppEnv } from '../app-env';
import type { Config } from '../config';
import { respondWithProxyError } from '../proxy-error-response';
import type { BytesInFlight } from '../upstream/bytes-in-flight';
import type { Store } from '../store/store';
import { getLinkToken } from '../upstream/plaid-client';
import { chooseCredentials, missingCredentialsMessage, type ChosenCredentials } from './credentials';
import { startKeptLookup } from './kept-beside';
import { lookupBody } from './lookup-body';
import { passPlaidAnswer, refusalTiming, respondWithUpstreamFailure } from './plaid-answer';

// POST /api/link/token/get: checks the request, adds credentials, asks Plaid (or the simulator)
// and passes its answer through unchanged. Anything wrong on our side of the wire becomes a
// PROXY_ERROR with a message the user can act on.

type Lookup = ChosenCredentials & { ok: true; linkToken: string; environment: PlaidEnvironment };
type Rejection = { ok: false; code: ProxyErrorCode; message: string };

export function linkTokenGetRoute(config: Config, bytesInFlight: BytesInFlight, store?: Store) {
  return new Hono<AppEnv>().post(
    '/',
    refusalTiming(),
    lookupBody(config.allowRequestCredentials),
    async (c) => {
      const started = performance.now();
      const lookup = planLookup(c.req.valid('json'), config);
      if (!lookup.ok) return respondWithProxyError(c, lookup.code, lookup.message);
      const facts = {
        linkToken: lookup.linkToken,
        environment: lookup.environment,
        credentials: lookup.credentials,
      };
      c.set('lookup', facts);
      const kept = startKeptLookup(store, config.publicUrl, lookup);

      const upstreamStarted = performance.now();
      let outcome;
      try {
        outcome = await getLinkToken({
          environment: lookup.environment,
          baseUrl: config.plaid.urls[lookup.environment],
          clientId: lookup.clientId,
          secret: lookup.secret,
          linkToken: lookup.linkToken,
          timeoutMs: config.plaid.timeoutMs,
          maxResponseBytes: config.plaid.maxResponseBytes,
          bytesInFlight,
          signal: c.req.raw.signal,
        });
      } catch (error) {
        // The browser went away and Plaid's call with it. 499 (nginx's "client closed request")
        // reaches nobody but keeps the logs and metrics honest.
        if (c.req.raw.signal.aborted) return c.body(null, 499 as UnofficialStatusCode);
        throw error;
      }
      const upstreamMs = performance.now() - upstreamStarted;
      const proxyMs = performance.now() - started - upstreamMs;
      c.header('Server-Timing', `upstream;dur=${upstreamMs.toFixed(1)}, proxy;dur=${proxyMs.toFixed(1)}`);

      if (!outcome.ok) return respondWithUpstreamFailure(c, outcome);

      c.set('lookup', {
        ...facts,
        upstream: { status: outcome.status, plaidRequestId: outcome.plaidRequestId, durationMs: upstreamMs },
      });
      return passPlaidAnswer<LinkTokenGetResponse>(c, await kept.besidePlaid(c, outcome));
    },
  );
}

function planLookup(body: LinkTokenGetRequest, config: Config): Lookup | Rejection {
  const token = checkLinkToken(body.link_token);
  if (!token.ok) return { ok: false, code: token.code, message: token.message };
  const credentials = chooseCredentials(body, token.environment, config);
  if (!credentials) {
    return {
      ok: false,
      code: 'MISSING_CREDENTIALS',
      message: missingCredentialsMessage(token.environment, config),
    };
  }
  return { ok: true, linkToken: token.token, environment: token.environment, ...credentials };
}
