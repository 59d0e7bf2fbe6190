import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { KeptAnswerSchema } from '../shared/schemas/kept';
import { createApp, createWebhookApp } from './app';
import { loadConfig } from './config';
import { openStore, type Store } from './store/store';
import { startBackend, type TestBackend } from './store/test-backends';
import {
  LIVE_EVENT_COUNT,
  scenarioToken,
  simulatorAsPlaidEnv,
  startSimulator,
  type RunningSimulator,
} from '../simulator';

// The whole webhook path over real HTTP, offline: the simulator signs its live fixture's LINK
// webhooks and sends them to the webhook port (WEBHOOK_PORT's app), which fetches the simulator's
// key, checks the signature and keeps the session; the inspector's own port then shows it.

const LIVE_TOKEN = scenarioToken('live');
let backend: TestBackend;
let simulator: RunningSimulator;
let store: Store;
const servers: Server[] = [];

function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<string> {
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      resolve(`http://127.0.0.1:${info.port}`),
    ) as Server;
    servers.push(server);
  });
}

let inspector: string;
let webhooks: string;
beforeAll(async () => {
  // A step this long keeps the live session at its first event for the lookup below.
  simulator = await startSimulator({ liveStepMs: 10 * 60_000 });
  backend = await startBackend('pglite');
  store = await openStore({ location: backend.location, retentionDays: 30 }, pino({ level: 'silent' }));
  const config = {
    ...loadConfig({ ...simulatorAsPlaidEnv(simulator.url), LOG_LEVEL: 'silent' }),
    clientDir: 'src/server/testing',
  };
  inspector = await listen(createApp(config, { store }).fetch);
  webhooks = await listen(createWebhookApp(config, { store }).fetch);
}, 60_000);
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await simulator?.close();
  await store?.close();
  await backend?.done();
});

it("keeps the session a signed webhook from the simulator describes, shown as the webhook's", async () => {
  const lookup = await fetch(`${inspector}/api/link/token/get`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ link_token: LIVE_TOKEN }),
  });
  expect(lookup.status).toBe(200);
  await store.idle();
  const before = KeptAnswerSchema.parse(await (await fetch(`${inspector}/api/kept/${LIVE_TOKEN}`)).json());
  expect(before.sessions[0]).toMatchObject({ source: 'lookup', session: { events: [expect.anything()] } });

  const sent = await fetch(`${simulator.url}/simulator/webhooks/send`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ url: `${webhooks}/api/webhooks/plaid` }),
  });
  const { sent: deliveries } = (await sent.json()) as { sent: { webhook_code: string; status: number }[] };
  expect(deliveries.map(({ webhook_code, status }) => [webhook_code, status])).toEqual([
    ['EVENTS', 200],
    ['SESSION_FINISHED', 200],
  ]);

  const kept = await fetch(`${inspector}/api/kept/${LIVE_TOKEN}`);
  expect(kept.status).toBe(200);
  const { sessions } = KeptAnswerSchema.parse(await kept.json());
  expect(sessions).toHaveLength(1);
  expect(sessions[0]).toMatchObject({ source: 'webhook', seen_by: 'Plaid webhook' });
  expect(sessions[0]?.session.events).toHaveLength(LIVE_EVENT_COUNT);
  expect(sessions[0]?.session.finished_at).toEqual(expect.any(String));
  expect(sessions[0]?.session.on_success?.public_token).toMatch(/^public-sandbox-….{4}$/);

  // The webhook port serves nothing else.
  const elsewhere = await fetch(`${webhooks}/api/kept/${LIVE_TOKEN}`);
  expect(elsewhere.status).toBe(404);
});
