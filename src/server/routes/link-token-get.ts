import { Hono, type TypedResponse } from 'hono';
import { createMiddleware } from 'hono/factory';
import type {
  ClientErrorStatusCode,
  ContentfulStatusCode,
  ServerErrorStatusCode,
  SuccessStatusCode,
  UnofficialStatusCode,
} from 'hono/utils/http-status';
import { checkLinkToken, type PlaidEnvironment } from '../../shared/link-token';
import type { LinkTokenGetRequest } from '../../shared/schemas/link-token-get-request';
import type { LinkTokenGetResponse } from '../../shared/schemas/link-token-get-response';
import type { PlaidError } from '../../shared/schemas/plaid-error';
import type { ProxyErrorCode } from '../../shared/schemas/proxy-error';
import type { AppEnv } from '../app-env';
import type { Config } from '../config';
import { respondWithProxyError } from '../proxy-error-response';
import { getLinkToken } from '../upstream/plaid-client';
import { lookupBody } from './lookup-body';

// POST /api/link/token/get: checks the request, adds credentials, asks Plaid (or the simulator)
// and passes its answer through unchanged. Anything wrong on our side of the wire becomes a
// PROXY_ERROR with a message the user can act on.

type Lookup = {
  ok: true;
  linkToken: string;
  environment: PlaidEnvironment;
  clientId: string;
  secret: string;
  credentials: 'request' | 'server';
};
type Rejection = { ok: false; code: ProxyErrorCode; message: string };

// Plaid's answer goes out as the bytes Plaid sent. The app's type (AppType) describes it as Plaid's
// spec does; the server does not check that, so a caller still parses it with the shared schemas.
type PlaidAnswer = Response &
  (
    | TypedResponse<LinkTokenGetResponse, SuccessStatusCode, 'json'>
    | TypedResponse<PlaidError, ClientErrorStatusCode | ServerErrorStatusCode, 'json'>
  );

export function linkTokenGetRoute(config: Config) {
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

      if (!outcome.ok) return respondWithProxyError(c, outcome.code, outcome.message);

      c.set('lookup', {
        ...facts,
        upstream: { status: outcome.status, plaidRequestId: outcome.plaidRequestId, durationMs: upstreamMs },
      });
      // Plaid's 429 tells the user when to come back.
      if (outcome.retryAfter !== null) c.header('Retry-After', outcome.retryAfter);
      const answer: Response = c.body(outcome.body, outcome.status as ContentfulStatusCode, {
        'Content-Type': 'application/json',
      });
      return answer as PlaidAnswer;
    },
  );
}

// Server-Timing for the answers that refuse a lookup before Plaid is asked (the body's checks
// included): how long we took. The handler times the lookups that reach Plaid itself.
function refusalTiming() {
  return createMiddleware(async (c, next) => {
    const started = performance.now();
    await next();
    if (!c.res.headers.has('Server-Timing'))
      c.res.headers.set('Server-Timing', `proxy;dur=${(performance.now() - started).toFixed(1)}`);
  });
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

// The request's own credentials first; otherwise the server's, if it holds a secret for the
// token's environment.
function chooseCredentials(
  body: LinkTokenGetRequest,
  environment: PlaidEnvironment,
  config: Config,
): Pick<Lookup, 'clientId' | 'secret' | 'credentials'> | undefined {
  if (body.client_id !== undefined && body.secret !== undefined) {
    return { clientId: body.client_id, secret: body.secret, credentials: 'request' };
  }
  const clientId = config.plaid.clientId;
  const secret = config.plaid.secrets[environment];
  if (clientId !== undefined && secret !== undefined) return { clientId, secret, credentials: 'server' };
  return undefined;
}

function missingCredentialsMessage(environment: PlaidEnvironment, config: Config): string {
  const serverSetting = `PLAID_CLIENT_ID and PLAID_SECRET_${environment.toUpperCase()}`;
  if (!config.allowRequestCredentials) {
    return `This server holds no Plaid credentials for ${environment}: its operator must set ${serverSetting}.`;
  }
  return `No Plaid credentials for ${environment}: enter your Client ID and ${environment} Secret under "Credentials", or set ${serverSetting} on the server.`;
}
