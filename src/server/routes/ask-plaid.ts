import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { setMetric } from 'hono/timing';
import type { UnofficialStatusCode } from 'hono/utils/http-status';
import type { PlaidEnvironment } from '../../shared/link-token';
import type { AppEnv } from '../app-env';
import type { Config } from '../config';
import type { LookupFacts } from '../observability/lookup-facts';
import { respondWithInternalError, respondWithProxyError } from '../proxy-error-response';
import type { InstitutionAnswer } from '../upstream/institution-cache';
import type { PlaidOutcome } from '../upstream/plaid-client';
import { chooseCredentials, missingCredentialsMessage, type ChosenCredentials } from './credentials';
import { passPlaidAnswer, respondWithUpstreamFailure } from './plaid-answer';

// What every route that asks Plaid does once its body is checked: chooses the credentials (or
// refuses: none for the environment), records what is asked for the audit log, asks, times the
// call in Server-Timing (hono/timing, registered on the route, adds the total), answers 499 when
// the browser went away, and ends with Plaid's answer passed through or our error.

export type PlaidQuestion = {
  environment: PlaidEnvironment;
  // What the audit log names as looked up.
  subject: { linkToken: string } | { institutionId: string };
  // The request's own credentials, if it brought any; the server's are used otherwise.
  requestCredentials: { client_id?: string; secret?: string };
};

// Plaid's outcome, or, through the institution cache, an outcome that may be an earlier request's
// (cache) or one in flight (shared).
export type PlaidCallResult = PlaidOutcome | InstitutionAnswer;
type PlaidAnswered = Extract<PlaidOutcome, { ok: true }>;

export async function askPlaid<Success>(
  c: Context<AppEnv>,
  config: Config,
  question: PlaidQuestion,
  call: (credentials: ChosenCredentials, signal: AbortSignal) => Promise<PlaidCallResult>,
  // What the route adds to Plaid's answer before it goes out (the lookup's kept sessions).
  besidePlaid: (outcome: PlaidAnswered) => Promise<PlaidAnswered> = async (outcome) => outcome,
) {
  const { environment } = question;
  const credentials = chooseCredentials(question.requestCredentials, environment, config);
  if (!credentials) {
    return respondWithProxyError(c, 'MISSING_CREDENTIALS', missingCredentialsMessage(environment, config));
  }
  const facts: LookupFacts = { ...question.subject, environment, credentials: credentials.credentials };
  c.set('lookup', facts);

  const { signal } = c.req.raw;
  const started = performance.now();
  let result: PlaidCallResult;
  try {
    result = await call(credentials, signal);
  } catch (error) {
    if (signal.aborted) return browserGone(c);
    throw error;
  }
  const waitedMs = performance.now() - started;
  const outcome = 'outcome' in result ? result.outcome : result;
  const from = 'outcome' in result ? result.from : 'upstream';

  if (from === 'cache') setMetric(c, 'cache', 'hit');
  else setMetric(c, 'upstream', waitedMs, from === 'shared' ? 'shared call' : undefined);
  if (outcome.ok) {
    const { status, plaidRequestId } = outcome;
    c.set(
      'lookup',
      from === 'upstream'
        ? { ...facts, upstream: { status, plaidRequestId, durationMs: waitedMs } }
        : { ...facts, reused: from },
    );
  }
  if (signal.aborted) return browserGone(c);
  if (!outcome.ok) return respondWithUpstreamFailure(c, outcome);
  // How long ago Plaid gave the answer, in seconds (RFC 9111), when it comes from the cache.
  if ('ageMs' in result && from === 'cache') c.header('Age', String(Math.floor(result.ageMs / 1000)));
  return passPlaidAnswer<Success>(c, await besidePlaid(outcome));
}

// The browser went away, and the call with it. 499 (nginx's "client closed request") reaches
// nobody but keeps the logs and metrics honest.
function browserGone(c: Context<AppEnv>) {
  return c.body(null, 499 as UnofficialStatusCode);
}

// A Plaid route's errors: a body that does not parse as JSON (Hono's validator throws a 400 for
// it) gets the route's own example of what to send; anything else is an error of ours.
export function plaidRouteErrors(whatToSend: string): ErrorHandler<AppEnv> {
  return (error, c) =>
    error instanceof HTTPException && error.status === 400
      ? respondWithProxyError(c, 'INVALID_BODY', whatToSend)
      : respondWithInternalError(c, error);
}
