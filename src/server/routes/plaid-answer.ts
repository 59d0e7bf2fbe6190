import type { Context, TypedResponse } from 'hono';
import type {
  ClientErrorStatusCode,
  ContentfulStatusCode,
  ServerErrorStatusCode,
  SuccessStatusCode,
} from 'hono/utils/http-status';
import type { PlaidError } from '../../shared/schemas/plaid-error';
import type { ProxyErrorCode } from '../../shared/schemas/proxy-error';
import type { AppEnv } from '../app-env';
import { respondWithProxyError } from '../proxy-error-response';
import { BUSY_RETRY_AFTER_SECONDS } from '../upstream/bytes-in-flight';
import type { PlaidOutcome } from '../upstream/plaid-client';

// What the routes that ask Plaid have in common on the way out: Plaid's answer passed through, our
// error when there was none.

// Plaid's answer goes out as the bytes Plaid sent. The app's type (AppType) describes it as Plaid's
// spec does; the server does not check that, so a caller still parses it with the shared schemas.
export type PlaidAnswer<Success> = Response &
  (
    | TypedResponse<Success, SuccessStatusCode, 'json'>
    | TypedResponse<PlaidError, ClientErrorStatusCode | ServerErrorStatusCode, 'json'>
  );

export function passPlaidAnswer<Success>(
  c: Context,
  outcome: Extract<PlaidOutcome, { ok: true }>,
): PlaidAnswer<Success> {
  // Plaid's 429 tells the user when to come back.
  if (outcome.retryAfter !== null) c.header('Retry-After', outcome.retryAfter);
  const answer: Response = c.body(outcome.body, outcome.status as ContentfulStatusCode, {
    'Content-Type': 'application/json',
  });
  return answer as PlaidAnswer<Success>;
}

// Our error instead of an answer from Plaid (no credentials, or no answer we pass on), with when to
// come back if we were busy.
export function respondWithRefusal(c: Context<AppEnv>, code: ProxyErrorCode, message: string) {
  if (code === 'SERVER_BUSY') c.header('Retry-After', String(BUSY_RETRY_AFTER_SECONDS));
  return respondWithProxyError(c, code, message);
}
