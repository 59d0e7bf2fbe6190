import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheckedLoad } from '../../bench/lib/checked-load';
import { soakGoals, soakTokens } from '../../bench/soak';
import { createApp } from './app';
import { loadConfig } from './config';
import { listScenarioTokens, startSimulator, type RunningSimulator, simulatorAsPlaidEnv } from '../simulator';

// The short version of bench/soak.ts: ten seconds of mixed lookups over real HTTP, a share of them
// meeting every fault the simulator injects. Every request must get an answer of the documented
// shape and the server must still answer afterwards. (Memory is measured by the long soak, where
// the server has a process of its own.)

const SOAK_MS = 10_000;

let simulator: RunningSimulator;
let server: ServerType;
let baseUrl: string;

beforeAll(async () => {
  simulator = await startSimulator();
  const app = createApp(
    loadConfig({
      ...simulatorAsPlaidEnv(simulator.url),
      // Hanging-upstream faults then cost one second each instead of ten.
      PLAID_TIMEOUT_MS: '1000',
      LOG_LEVEL: 'silent',
      // The soak is one user sending far more than a person would.
      RATE_LIMIT_PER_MINUTE: '1000000',
    }),
  );
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      baseUrl = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await simulator.close();
});

describe('short soak with faults', () => {
  it(
    'answers every request with a documented shape, loses none and stays up',
    { timeout: SOAK_MS + 30_000 },
    async () => {
      const result = await runCheckedLoad({
        baseUrl,
        linkTokens: soakTokens(),
        concurrency: 8,
        durationMs: SOAK_MS,
        requestTimeoutMs: 15_000,
      });

      for (const goal of soakGoals(result)) expect(goal.met, `${goal.name}: ${goal.detail}`).toBe(true);
      // The mix really exercised both outcomes.
      expect(result.succeeded).toBeGreaterThan(0);
      expect(Object.keys(result.errors).length).toBeGreaterThan(1);

      const after = await fetch(`${baseUrl}/api/link/token/get`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          link_token: listScenarioTokens().find((token) => token.scenario === 'fresh')?.link_token,
        }),
      });
      expect(after.status).toBe(200);
    },
  );
});
