import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { loadConfig } from '../config';
import {
  SIMULATOR_CLIENT_ID,
  SIMULATOR_SECRET,
  listScenarioTokens,
  startSimulator,
  type RunningSimulator,
} from '../../simulator';
import { closedPortUrl } from '../testing/fake-upstream';
import { captureLogs } from '../testing/log-capture';
import { createLogger } from './logger';

// Lookups that carry credentials, through the whole app against the simulator over real HTTP,
// with logging at its most talkative. Afterwards the secret must be in no log line, no answer
// (body or headers) and no metric.

const WRONG_SECRET = 'wrong-secret-3b8e0c6a91';
const linkToken = listScenarioTokens().find((token) => token.scenario === 'fresh')!.link_token;

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());

function post(app: ReturnType<typeof createApp>, body: unknown) {
  return app.request('/api/link/token/get', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' },
    body: JSON.stringify(body),
  });
}

async function everythingSaid(response: Response): Promise<string> {
  return JSON.stringify([...response.headers]) + (await response.text());
}

describe('the secret never leaves the server', () => {
  it('appears in no log line, answer or metric, whatever the outcome', async () => {
    const logs = captureLogs();
    const upstream = {
      PLAID_UPSTREAM: 'plaid',
      PLAID_SANDBOX_URL: simulator.url,
      PLAID_PRODUCTION_URL: simulator.url,
    };
    const app = createApp(loadConfig({ ...upstream, LOG_LEVEL: 'trace' }), {
      logger: createLogger({ level: 'trace', destination: logs.destination }),
    });
    const unreachableApp = createApp(
      loadConfig({ ...upstream, PLAID_SANDBOX_URL: await closedPortUrl(), LOG_LEVEL: 'trace' }),
      { logger: createLogger({ level: 'trace', destination: logs.destination }) },
    );

    const answers = [
      // Success, and Plaid's INVALID_API_KEYS for a wrong secret.
      await post(app, { link_token: linkToken, client_id: SIMULATOR_CLIENT_ID, secret: SIMULATOR_SECRET }),
      await post(app, { link_token: linkToken, client_id: SIMULATOR_CLIENT_ID, secret: WRONG_SECRET }),
      // Our own refusals: a malformed token, a secret without a client_id, an unreachable upstream.
      await post(app, { link_token: 'not-a-token', client_id: SIMULATOR_CLIENT_ID, secret: WRONG_SECRET }),
      await post(app, { link_token: linkToken, secret: WRONG_SECRET }),
      await post(unreachableApp, {
        link_token: linkToken,
        client_id: SIMULATOR_CLIENT_ID,
        secret: WRONG_SECRET,
      }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 400, 400, 400, 502]);

    const said = (await Promise.all(answers.map(everythingSaid))).join('\n');
    const metrics = await (await app.request('/metrics')).text();
    // The log did record the lookups (so the search below searched something).
    expect(logs.lines().filter((line) => line.msg === 'lookup')).toHaveLength(3);
    for (const secret of [SIMULATOR_SECRET, WRONG_SECRET]) {
      expect(logs.text()).not.toContain(secret);
      expect(said).not.toContain(secret);
      expect(metrics).not.toContain(secret);
    }
  });

  it('keeps the server-held secret out of the log and the answers too', async () => {
    const logs = captureLogs();
    const app = createApp(
      loadConfig({
        PLAID_UPSTREAM: 'plaid',
        PLAID_SANDBOX_URL: simulator.url,
        PLAID_PRODUCTION_URL: simulator.url,
        PLAID_CLIENT_ID: SIMULATOR_CLIENT_ID,
        PLAID_SECRET_SANDBOX: SIMULATOR_SECRET,
      }),
      { logger: createLogger({ level: 'trace', destination: logs.destination }) },
    );
    const response = await post(app, { link_token: linkToken });
    expect(response.status).toBe(200);
    expect(await everythingSaid(response)).not.toContain(SIMULATOR_SECRET);
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ msg: 'lookup', credentials: 'server', user: 'local' }),
    );
    expect(logs.text()).not.toContain(SIMULATOR_SECRET);
  });
});
