import { Hono } from 'hono';
import type { PlaidEnvironment } from '../shared/link-token';
import { invalidField, invalidLinkToken, notFound, unknownWebhookKey, type SimulatorError } from './errors';
import type { Fault } from './faults';
import { getInstitutionById } from './institutions/get-by-id';
import { checkCredentials, isSimulatorError, readPlaidRequest, stringField } from './plaid-request';
import { newRequestId } from './request-id';
import { forgetEndedSessions } from './forget-sessions';
import { findScenario } from './scenarios';
import { sendFault, type PlannedAnswer, type SimulatorEnv } from './send-fault';
import type { SimulatorOptions } from './types';
import { createWebhookSigner, liveSessionWebhooks, sendWebhooks } from './webhooks';
import { live } from './scenarios/live';

export const DEFAULT_LIVE_STEP_MS = 3000;

// Where each environment's API lives on the simulator: Sandbox at its root, Production under
// /production, so that one simulator can stand for both hosts (sandbox.plaid.com and
// production.plaid.com) and still tell them apart where Plaid answers differently.
export const PRODUCTION_PREFIX = '/production';

type LookupOutcome = PlannedAnswer & { fault?: Fault };

// The simulated Plaid API: POST /link/token/get, /institutions/get_by_id and
// /webhook_verification_key/get, checked and answered the way Plaid does; and, the simulator's own,
// POST /simulator/webhooks/send, which sends the live fixture's signed LINK webhooks to a URL.
export function createSimulatorApp(options: SimulatorOptions = {}): Hono<SimulatorEnv> {
  const now = options.now ?? (() => new Date());
  const liveStepMs = options.liveStepMs ?? DEFAULT_LIVE_STEP_MS;
  // When each token was first looked up here: the live token's session starts then.
  const firstLookups = new Map<string, Date>();
  const webhookSigner = createWebhookSigner(now);

  async function lookUp(request: Request, requestId: string): Promise<LookupOutcome> {
    const fail = ({ status, error }: SimulatorError): LookupOutcome => ({ status, body: error });

    const read = await readPlaidRequest(request, requestId, ['link_token']);
    if (isSimulatorError(read)) return fail(read);
    const { body } = read;
    if (body.link_token !== undefined && typeof body.link_token !== 'string') {
      return fail(invalidField('link_token must be a properly formatted, non-empty string', requestId));
    }
    const linkToken = stringField(body, 'link_token');
    const refused = checkCredentials(read, linkToken ? [] : ['link_token'], requestId);
    if (refused) return fail(refused);

    // linkToken is present: checkCredentials named it missing otherwise.
    const scenario = findScenario(linkToken!);
    if (!scenario) return fail(invalidLinkToken(requestId));
    const at = now();
    const firstLookupAt = firstLookups.get(linkToken!) ?? at;
    firstLookups.set(linkToken!, firstLookupAt);
    const answer = scenario.answer({ now: at, requestId, firstLookupAt, liveStepMs });
    const remembered = forgetEndedSessions(answer.body, at, options.forgetSessionsAfterMs);
    if (answer.kind === 'fault') return { status: 200, body: remembered, fault: answer.fault };
    return { status: 200, body: remembered };
  }

  // One environment's API. A link token names its own environment, so /link/token/get answers the
  // same on both; institution status exists in Production only.
  function plaidApi(environment: PlaidEnvironment): Hono<SimulatorEnv> {
    const api = new Hono<SimulatorEnv>();
    api.post('/link/token/get', async (c) => {
      const requestId = newRequestId();
      const outcome = await lookUp(c.req.raw, requestId);
      // A fault token's own fault, else the configured one (SIMULATOR_FAULT), which hits every request.
      const fault = outcome.fault ?? options.fault;
      if (fault) return sendFault(c, fault, requestId, outcome);
      return c.json(outcome.body, outcome.status as 200);
    });
    api.post('/institutions/get_by_id', async (c) => {
      const requestId = newRequestId();
      const outcome = await getInstitutionById(c.req.raw, requestId, environment, now());
      if (options.fault) return sendFault(c, options.fault, requestId, outcome);
      return c.json(outcome.body, outcome.status as 200);
    });
    api.post('/webhook_verification_key/get', async (c) => {
      const requestId = newRequestId();
      const read = await readPlaidRequest(c.req.raw, requestId, ['key_id']);
      if (isSimulatorError(read)) return c.json(read.error, read.status as 400);
      const keyId = stringField(read.body, 'key_id');
      const refused = checkCredentials(read, keyId ? [] : ['key_id'], requestId);
      if (refused) return c.json(refused.error, refused.status as 400);
      if (keyId !== webhookSigner.kid) {
        const { status, error } = unknownWebhookKey(requestId);
        return c.json(error, status as 400);
      }
      return c.json({ key: await webhookSigner.publicKey(), request_id: requestId });
    });
    return api;
  }

  const app = new Hono<SimulatorEnv>();

  // Not Plaid's: sends the live fixture's LINK webhooks (EVENTS, SESSION_FINISHED), signed, to the
  // URL in the body, and answers what each delivery got back (docs/simulator.md).
  app.post('/simulator/webhooks/send', async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    const url = typeof body === 'object' && body !== null && 'url' in body ? body.url : undefined;
    if (typeof url !== 'string' || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      return c.json({ error: 'Send {"url": "http(s)://…"}: where the webhooks go.' }, 400);
    }
    const webhooks = liveSessionWebhooks({
      now: now(),
      liveStepMs,
      firstLookupAt: firstLookups.get(live.link_token),
    });
    return c.json({ sent: await sendWebhooks(url, webhooks, webhookSigner) });
  });

  app.route(PRODUCTION_PREFIX, plaidApi('production'));
  app.route('/', plaidApi('sandbox'));

  app.notFound((c) => {
    const { status, error } = notFound(newRequestId());
    return c.json(error, status as 404);
  });

  return app;
}
