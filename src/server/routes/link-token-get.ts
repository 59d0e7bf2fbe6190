import { Hono } from 'hono';
import { timing } from 'hono/timing';
import { checkLinkToken } from '../../shared/link-token';
import type { LinkTokenGetResponse } from '../../shared/schemas/link-token-get-response';
import type { AppEnv } from '../app-env';
import type { Config } from '../config';
import { respondWithProxyError } from '../proxy-error-response';
import type { BytesInFlight } from '../upstream/bytes-in-flight';
import type { Store } from '../store/store';
import { getLinkToken } from '../upstream/plaid-client';
import { secretPatterns } from '../upstream/secret-echo';
import { askPlaid, plaidRouteErrors } from './ask-plaid';
import { startKeptLookup } from './kept-beside';
import { lookupBody, NOT_A_JSON_OBJECT } from './lookup-body';

// POST /api/link/token/get: checks the request, adds credentials, asks Plaid (or the simulator)
// and passes its answer through unchanged. Anything wrong on our side of the wire becomes a
// PROXY_ERROR with a message the user can act on.
export function linkTokenGetRoute(config: Config, bytesInFlight: BytesInFlight, store?: Store) {
  const serverSecrets = secretPatterns(Object.values(config.plaid.secrets));
  return new Hono<AppEnv>()
    .onError(plaidRouteErrors(NOT_A_JSON_OBJECT))
    .post('/', timing(), lookupBody(config.allowRequestCredentials), async (c) => {
      const body = c.req.valid('json');
      const token = checkLinkToken(body.link_token);
      if (!token.ok) return respondWithProxyError(c, token.code, token.message);
      const { environment } = token;
      // The store is read while Plaid is asked; its kept sessions go out beside Plaid's answer.
      const kept = startKeptLookup(store, config.publicUrl, { linkToken: token.token, environment });
      return askPlaid<LinkTokenGetResponse>(
        c,
        config,
        { environment, subject: { linkToken: token.token }, requestCredentials: body },
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
        (outcome) => kept.besidePlaid(c, outcome),
      );
    });
}
