import { Hono, type Context } from 'hono';
import { timing } from 'hono/timing';
import { checkLinkToken } from '../../shared/link-token';
import type { LinkTokenGetRequest } from '../../shared/schemas/link-token-get-request';
import type { LinkTokenGetResponse } from '../../shared/schemas/link-token-get-response';
import type { AppEnv } from '../app-env';
import type { Config } from '../config';
import type { BytesInFlight } from '../upstream/bytes-in-flight';
import type { Store } from '../store/store';
import { getLinkToken } from '../upstream/plaid-client';
import { secretPatterns } from '../upstream/secret-echo';
import {
  askPlaidFor,
  plaidRouteErrors,
  respondWithPlaidReply,
  type AskOptions,
  type PlaidReply,
} from './ask-plaid';
import { startKeptLookup } from './kept-beside';
import { lookupBody, NOT_A_JSON_OBJECT } from './lookup-body';

// POST /api/link/token/get: checks the request, adds credentials, asks Plaid (or the simulator)
// and passes its answer through unchanged. Anything wrong on our side of the wire becomes a
// PROXY_ERROR with a message the user can act on.
export function linkTokenGetRoute(config: Config, bytesInFlight: BytesInFlight, store?: Store) {
  const lookUp = linkTokenLookup(config, bytesInFlight, store);
  return new Hono<AppEnv>()
    .onError(plaidRouteErrors(NOT_A_JSON_OBJECT))
    .post('/', timing(), lookupBody(config.allowRequestCredentials), async (c) =>
      respondWithPlaidReply<LinkTokenGetResponse>(c, await lookUp(c, c.req.valid('json'))),
    );
}

// One token looked up, as the route and the MCP tools do it: the token checked, Plaid asked, and
// the kept sessions added beside Plaid's answer (the `kept` field).
export type LookUpLinkToken = (
  c: Context<AppEnv>,
  request: LinkTokenGetRequest,
  record?: AskOptions['record'],
) => Promise<PlaidReply>;

export function linkTokenLookup(
  config: Config,
  bytesInFlight: BytesInFlight,
  store?: Store,
): LookUpLinkToken {
  const serverSecrets = secretPatterns(Object.values(config.plaid.secrets));
  return async (c, request, record) => {
    const token = checkLinkToken(request.link_token);
    if (!token.ok) return { kind: 'refused', code: token.code, message: token.message };
    const { environment } = token;
    // The store is read while Plaid is asked; its kept sessions go out beside Plaid's answer.
    const kept = startKeptLookup(store, config.publicUrl, { linkToken: token.token, environment });
    return askPlaidFor(
      c,
      config,
      { environment, subject: { linkToken: token.token }, requestCredentials: request },
      ({ clientId, secret }, signal) =>
        getLinkToken({
          environment,
          baseUrl: config.plaid.urls[environment],
          clientId,
          secret,
          linkToken: token.token,
          timeoutMs: config.plaid.timeoutMs,
          maxResponseBytes: config.plaid.maxResponseBytes,
          bytesInFlight,
          serverSecrets,
          signal,
        }),
      { besidePlaid: (outcome) => kept.besidePlaid(c, outcome), record },
    );
  };
}
