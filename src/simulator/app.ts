import { Hono } from 'hono';
import { SIMULATOR_CLIENT_ID, SIMULATOR_SECRET } from './credentials';
import {
  invalidApiKeys,
  invalidBody,
  invalidField,
  invalidHeaders,
  invalidLinkToken,
  missingFields,
  notFound,
  unknownFields,
  type SimulatorError,
} from './errors';
import type { Fault } from './faults';
import { newRequestId } from './request-id';
import { findScenario } from './scenarios';
import { sendFault, type PlannedAnswer, type SimulatorEnv } from './send-fault';
import type { SimulatorOptions } from './types';

export const DEFAULT_LIVE_STEP_MS = 3000;

// Every version of Plaid's API. Without the header Plaid uses the account's default version; the
// simulator's default is 2020-09-14, the only one it implements, and it answers the older versions
// the same way.
const PLAID_VERSIONS = ['2017-03-08', '2018-05-22', '2019-05-29', '2020-09-14'];
const REQUEST_FIELDS = ['client_id', 'secret', 'link_token'];

type LookupOutcome = PlannedAnswer & { fault?: Fault };

// The simulated Plaid API: POST /link/token/get, checked and answered the way Plaid does.
export function createSimulatorApp(options: SimulatorOptions = {}): Hono<SimulatorEnv> {
  const now = options.now ?? (() => new Date());
  const liveStepMs = options.liveStepMs ?? DEFAULT_LIVE_STEP_MS;
  // When each token was first looked up here: the live token's session starts then.
  const firstLookups = new Map<string, Date>();

  async function lookUp(request: Request, requestId: string): Promise<LookupOutcome> {
    const fail = ({ status, error }: SimulatorError): LookupOutcome => ({ status, body: error });

    const version = request.headers.get('Plaid-Version');
    if (version !== null && !PLAID_VERSIONS.includes(version)) {
      const message = `Plaid-Version header must be one of ${PLAID_VERSIONS.join(', ')}; got "${version}"`;
      return fail(invalidHeaders(message, requestId));
    }

    const body = await readJsonObject(request);
    if (!body) return fail(invalidBody(requestId));
    const unknown = Object.keys(body).filter((key) => !REQUEST_FIELDS.includes(key));
    if (unknown.length > 0) return fail(unknownFields(unknown, requestId));
    if (body.link_token !== undefined && typeof body.link_token !== 'string') {
      return fail(invalidField('link_token must be a properly formatted, non-empty string', requestId));
    }

    // Plaid takes the credentials from its headers or, as older clients send them, from the body.
    const clientId = request.headers.get('PLAID-CLIENT-ID') || stringField(body, 'client_id');
    const secret = request.headers.get('PLAID-SECRET') || stringField(body, 'secret');
    const linkToken = stringField(body, 'link_token');
    const missing = [
      ...(clientId ? [] : ['client_id']),
      ...(secret ? [] : ['secret']),
      ...(linkToken ? [] : ['link_token']),
    ];
    if (missing.length > 0 || !linkToken) return fail(missingFields(missing, requestId));
    if (clientId !== SIMULATOR_CLIENT_ID || secret !== SIMULATOR_SECRET)
      return fail(invalidApiKeys(requestId));

    const scenario = findScenario(linkToken);
    if (!scenario) return fail(invalidLinkToken(requestId));
    const at = now();
    const firstLookupAt = firstLookups.get(linkToken) ?? at;
    firstLookups.set(linkToken, firstLookupAt);
    const answer = scenario.answer({ now: at, requestId, firstLookupAt, liveStepMs });
    if (answer.kind === 'fault') return { status: 200, body: answer.body, fault: answer.fault };
    return { status: 200, body: answer.body };
  }

  const app = new Hono<SimulatorEnv>();

  app.post('/link/token/get', async (c) => {
    const requestId = newRequestId();
    const outcome = await lookUp(c.req.raw, requestId);
    // A fault token's own fault, else the configured one (SIMULATOR_FAULT), which hits every request.
    const fault = outcome.fault ?? options.fault;
    if (fault) return sendFault(c, fault, requestId, outcome);
    return c.json(outcome.body, outcome.status as 200);
  });

  app.notFound((c) => {
    const { status, error } = notFound(newRequestId());
    return c.json(error, status as 404);
  });

  return app;
}

// Plaid accepts only a JSON object body sent as application/json.
async function readJsonObject(request: Request): Promise<Record<string, unknown> | undefined> {
  if (!request.headers.get('content-type')?.includes('application/json')) return undefined;
  try {
    const value: unknown = await request.json();
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
