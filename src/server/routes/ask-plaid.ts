import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { setMetric } from 'hono/timing';
import type { UnofficialStatusCode } from 'hono/utils/http-status';
import type { PlaidEnvironment } from '../../shared/link-token';
import type { ProxyErrorCode } from '../../shared/schemas/proxy-error';
import type { AppEnv } from '../app-env';
import type { Config } from '../config';
import type { LookupFacts } from '../observability/lookup-facts';
import { respondWithInternalError, respondWithProxyError } from '../proxy-error-response';
import type { InstitutionAnswer } from '../upstream/institution-cache';
import type { PlaidOutcome } from '../upstream/plaid-client';
import { chooseCredentials, missingCredentialsMessage, type ChosenCredentials } from './credentials';
import { passPlaidAnswer, respondWithRefusal } from './plaid-answer';

// What every question to Plaid goes through once its input is checked: chooses the credentials (or
// refuses: none for the environment), records what is asked for the audit log, asks, and ends with
// Plaid's answer or our error (askPlaidFor). The routes turn that reply into their answer: Plaid's
// bytes passed through, timed in Server-Timing (hono/timing, registered on the route, adds the
// total), 499 when the browser went away (respondWithPlaidReply); the MCP tools read it instead.

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
export type PlaidAnswered = Extract<PlaidOutcome, { ok: true }>;

// Where an answer came from and how long it was waited for, for Server-Timing.
type Waited = { from: InstitutionAnswer['from']; waitedMs: number };

export type PlaidReply =
  // Plaid answered (any status): its bytes, with what the asker added beside them. ageMs: how
  // long ago Plaid gave it, when it comes from the cache.
  | { kind: 'answered'; outcome: PlaidAnswered; waited: Waited; ageMs: number | null }
  // Our error: the input, the credentials, or no usable answer from Plaid.
  | { kind: 'refused'; code: ProxyErrorCode; message: string; waited?: Waited }
  // The caller went away, and the call with it.
  | { kind: 'gone' };

export type AskOptions = {
  // What the asker adds to Plaid's answer (the lookup's kept sessions).
  besidePlaid?: (outcome: PlaidAnswered) => PlaidAnswered | Promise<PlaidAnswered>;
  // Where the audit facts go: the request's own (c.get('lookup')) unless the request asks several
  // questions, each of which then needs its own record.
  record?: (facts: LookupFacts) => void;
};

export async function askPlaidFor(
  c: Context<AppEnv>,
  config: Config,
  question: PlaidQuestion,
  call: (credentials: ChosenCredentials, signal: AbortSignal) => Promise<PlaidCallResult>,
  options: AskOptions = {},
): Promise<PlaidReply> {
  const record = options.record ?? ((facts: LookupFacts) => c.set('lookup', facts));
  const { environment } = question;
  const credentials = chooseCredentials(question.requestCredentials, environment, config);
  if (!credentials) {
    return {
      kind: 'refused',
      code: 'MISSING_CREDENTIALS',
      message: missingCredentialsMessage(environment, config),
    };
  }
  const facts: LookupFacts = { ...question.subject, environment, credentials: credentials.credentials };
  record(facts);

  const { signal } = c.req.raw;
  const started = performance.now();
  let result: PlaidCallResult;
  try {
    result = await call(credentials, signal);
  } catch (error) {
    if (signal.aborted) return { kind: 'gone' };
    throw error;
  }
  const waitedMs = performance.now() - started;
  const outcome = 'outcome' in result ? result.outcome : result;
  const waited: Waited = { from: 'outcome' in result ? result.from : 'upstream', waitedMs };

  if (outcome.ok) {
    const { status, plaidRequestId } = outcome;
    record(
      waited.from === 'upstream'
        ? { ...facts, upstream: { status, plaidRequestId, durationMs: waitedMs } }
        : { ...facts, reused: waited.from },
    );
  }
  if (signal.aborted) return { kind: 'gone' };
  if (!outcome.ok) {
    if (outcome.operatorAlert) c.get('log').error(outcome.operatorAlert);
    return { kind: 'refused', code: outcome.code, message: outcome.message, waited };
  }
  const besidePlaid = options.besidePlaid ?? ((answered: PlaidAnswered) => answered);
  return {
    kind: 'answered',
    outcome: await besidePlaid(outcome),
    waited,
    ageMs: 'ageMs' in result && waited.from === 'cache' ? result.ageMs : null,
  };
}

// A route's answer to a Plaid question: Plaid's answer passed through, or our error.
export function respondWithPlaidReply<Success>(c: Context<AppEnv>, reply: PlaidReply) {
  if (reply.kind === 'gone') return browserGone(c);
  if (reply.waited) timeWaiting(c, reply.waited);
  if (reply.kind === 'refused') return respondWithRefusal(c, reply.code, reply.message);
  // How long ago Plaid gave the answer, in seconds (RFC 9111), when it comes from the cache.
  if (reply.ageMs !== null) c.header('Age', String(Math.floor(reply.ageMs / 1000)));
  return passPlaidAnswer<Success>(c, reply.outcome);
}

function timeWaiting(c: Context<AppEnv>, { from, waitedMs }: Waited) {
  if (from === 'cache') setMetric(c, 'cache', 'hit');
  else setMetric(c, 'upstream', waitedMs, from === 'shared' ? 'shared call' : undefined);
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
