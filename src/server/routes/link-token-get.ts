import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { checkLinkToken, type PlaidEnvironment } from '../../shared/link-token';
import { LinkTokenGetRequestSchema } from '../../shared/schemas/link-token-get-request';
import type { ProxyErrorCode } from '../../shared/schemas/proxy-error';
import type { AppEnv } from '../app-env';
import type { Config } from '../config';
import { respondWithProxyError } from '../proxy-error-response';
import { getLinkToken } from '../upstream/plaid-client';

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

export function linkTokenGetRoute(config: Config): Hono<AppEnv> {
  const route = new Hono<AppEnv>();

  route.post('/', async (c) => {
    const started = performance.now();
    const body: unknown = await c.req.json().catch(() => undefined);
    const lookup = planLookup(body, config);
    if (!lookup.ok) {
      c.header('Server-Timing', `proxy;dur=${(performance.now() - started).toFixed(1)}`);
      return respondWithProxyError(c, lookup.code, lookup.message);
    }
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
      if (c.req.raw.signal.aborted) return new Response(null, { status: 499 });
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
    return c.body(outcome.body, outcome.status as ContentfulStatusCode, {
      'Content-Type': 'application/json',
    });
  });

  return route;
}

function planLookup(body: unknown, config: Config): Lookup | Rejection {
  const parsed = LinkTokenGetRequestSchema.safeParse(body);
  if (!parsed.success) return rejectBody(parsed.error, body);

  const token = checkLinkToken(parsed.data.link_token);
  if (!token.ok) return { ok: false, code: token.code, message: token.message };

  const { client_id, secret } = parsed.data;
  if (client_id !== undefined && secret !== undefined) {
    return {
      ok: true,
      linkToken: token.token,
      environment: token.environment,
      clientId: client_id,
      secret,
      credentials: 'request',
    };
  }
  const serverClientId = config.plaid.clientId;
  const serverSecret = config.plaid.secrets[token.environment];
  if (serverClientId !== undefined && serverSecret !== undefined) {
    return {
      ok: true,
      linkToken: token.token,
      environment: token.environment,
      clientId: serverClientId,
      secret: serverSecret,
      credentials: 'server',
    };
  }
  return {
    ok: false,
    code: 'MISSING_CREDENTIALS',
    message: missingCredentialsMessage(token.environment, config),
  };
}

function rejectBody(error: z.ZodError, body: unknown): Rejection {
  const issue = error.issues[0];
  const field = issue?.path[0];
  if (issue?.code === 'custom') return { ok: false, code: 'INCOMPLETE_CREDENTIALS', message: issue.message };
  if (field === 'link_token' && typeof (body as { link_token?: unknown }).link_token === 'string') {
    return { ok: false, code: 'MALFORMED_LINK_TOKEN', message: 'Paste a link token.' };
  }
  if (typeof field === 'string')
    return { ok: false, code: 'INVALID_BODY', message: `${field} must be a non-empty string.` };
  return {
    ok: false,
    code: 'INVALID_BODY',
    message:
      'Send a JSON object such as {"link_token": "link-sandbox-…"}, with client_id and secret if the server holds no credentials.',
  };
}

function missingCredentialsMessage(environment: PlaidEnvironment, config: Config): string {
  const serverSetting = `PLAID_CLIENT_ID and PLAID_SECRET_${environment.toUpperCase()}`;
  if (!config.allowRequestCredentials) {
    return `This server holds no Plaid credentials for ${environment}: its operator must set ${serverSetting}.`;
  }
  return `No Plaid credentials for ${environment}: enter your Client ID and ${environment} Secret under "Credentials", or set ${serverSetting} on the server.`;
}
