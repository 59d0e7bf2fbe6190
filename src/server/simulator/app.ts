import { Hono } from 'hono';
import { SIMULATOR_CLIENT_ID, SIMULATOR_SECRET } from './credentials';
import { invalidApiKeys, invalidLinkToken, missingFields, type SimulatorError } from './errors';
import { newRequestId } from './request-id';
import { findScenario } from './scenarios';
import type { SimulatorOptions } from './types';

// The simulated Plaid API: POST /link/token/get only, answering like Plaid would.
export function createSimulatorApp(options: SimulatorOptions = {}): Hono {
  const now = options.now ?? (() => new Date());
  const app = new Hono();

  app.post('/link/token/get', async (c) => {
    const requestId = newRequestId();
    const sendError = ({ status, error }: SimulatorError) => c.json(error, status as 400 | 429 | 500);

    const body = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
    const clientId = c.req.header('PLAID-CLIENT-ID') ?? stringField(body, 'client_id');
    const secret = c.req.header('PLAID-SECRET') ?? stringField(body, 'secret');
    const linkToken = stringField(body, 'link_token');

    const missing = [
      ...(clientId ? [] : ['client_id']),
      ...(secret ? [] : ['secret']),
      ...(linkToken ? [] : ['link_token']),
    ];
    if (missing.length > 0) return sendError(missingFields(missing, requestId));
    if (clientId !== SIMULATOR_CLIENT_ID || secret !== SIMULATOR_SECRET) {
      return sendError(invalidApiKeys(requestId));
    }

    const scenario = findScenario(linkToken!);
    if (!scenario) return sendError(invalidLinkToken(requestId));
    const answer = scenario.answer({ now: now(), requestId });
    if (answer.kind === 'error') return sendError(answer);
    return c.json(answer.body);
  });

  return app;
}

function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
