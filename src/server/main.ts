import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, createWebhookApp } from './app';
import { loadConfig, type Config } from './config';
import { gracefulStop } from './graceful-stop';
import { createLogger } from './observability/logger';
import { startRecorder } from './recorder/recorder';
import { openStore, type Store } from './store/store';
import { simulatorOptionsFromEnv, startSimulator, type SimulatorOptions } from '../simulator';

// The server's entry point: read the environment, start the simulator when there is no real Plaid
// to talk to, listen, and shut down cleanly. Everything else lives in createApp().

// How long SIGTERM waits for the lookups in progress (each bounded by PLAID_TIMEOUT_MS) before
// cutting them off.
const SHUTDOWN_DEADLINE_MS = 10_000;

let config: Config;
// SIMULATOR_FAULT and SIMULATOR_LIVE_STEP_MS, for the embedded simulator (see docs/simulator.md).
let simulatorOptions: SimulatorOptions;
try {
  config = loadConfig(process.env);
  simulatorOptions = simulatorOptionsFromEnv(process.env);
} catch (error) {
  // No logger yet (LOG_LEVEL may be the bad value): a plain line that a person reads.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
// The one logger of the process (createApp's request logs included).
const logger = createLogger({ level: config.logLevel });

// In simulator mode both environments go to one embedded simulator on a free loopback port (each to
// its own base URL there): a real HTTP upstream, so the proxy runs exactly the code it runs
// against Plaid.
const simulator =
  config.mode === 'simulator'
    ? await startSimulator({ ...simulatorOptions, host: '127.0.0.1', port: 0 })
    : undefined;
if (simulator) {
  config = {
    ...config,
    plaid: { ...config.plaid, urls: simulator.urls },
  };
}

// The store of kept answers: opened (and migrated) before the server listens. A store that cannot
// be opened or migrated stops the start with the reason; one that fails later only degrades.
let store: Store;
try {
  store = await openStore(config.store, logger);
} catch (error) {
  logger.fatal(`Could not open the store of kept answers: ${error instanceof Error ? error.message : error}`);
  await simulator?.close();
  process.exit(1);
}

// The recorder polls Plaid for the tokens machine clients registered (recorder/recorder.ts).
const recorder = startRecorder(config, store, logger);
const app = createApp(config, { logger, store, recorder });

// Plain HTTP/1.1 (no createServer option), so this is a node:http Server.
const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info: AddressInfo) => {
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  const upstream = simulator ? 'the built-in Plaid simulator (answers are simulated)' : 'Plaid';
  // Printed whatever LOG_LEVEL says: people and scripts (PORT=0 in tests) read the address here.
  console.log(`Link Token Inspector listening on http://${host}:${info.port}, answering from ${upstream}`);
}) as Server;

server.on('error', (error: NodeJS.ErrnoException) => {
  const reason =
    error.code === 'EADDRINUSE' ? 'the port is already in use (set PORT to another one)' : error.message;
  logger.fatal(`Could not listen on ${config.host}:${config.port}: ${reason}.`);
  process.exit(1);
});

// WEBHOOK_PORT: Plaid's webhooks on a port of their own, serving nothing else (docs/operations.md).
const webhookPort = config.webhooks.port;
const webhookApp = webhookPort === undefined ? undefined : createWebhookApp(config, { logger, store });
const webhookServer =
  webhookApp &&
  (serve({ fetch: webhookApp.fetch, hostname: config.host, port: webhookPort }, (info: AddressInfo) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    console.log(
      `Plaid webhooks received on http://${host}:${info.port}/api/webhooks/plaid (and nothing else on that port)`,
    );
  }) as Server);
webhookServer?.on('error', (error: NodeJS.ErrnoException) => {
  const reason =
    error.code === 'EADDRINUSE'
      ? 'the port is already in use (set WEBHOOK_PORT to another one)'
      : error.message;
  logger.fatal(`Could not listen on ${config.host}:${webhookPort}: ${reason}.`);
  process.exit(1);
});

const stop = gracefulStop(server);
const stopWebhooks = webhookServer && gracefulStop(webhookServer);

// Stops accepting, closes idle and half-sent connections, answers the requests in progress (see
// graceful-stop.ts). The simulator and Redis go last, as those requests may still need them.
async function shutDown(signal: string): Promise<void> {
  logger.info(`${signal} received: no longer accepting connections, finishing requests in progress.`);
  const outcomes = await Promise.all([stop(SHUTDOWN_DEADLINE_MS), stopWebhooks?.(SHUTDOWN_DEADLINE_MS)]);
  const outcome = outcomes.includes('cut') ? 'cut' : 'finished';
  if (outcome === 'cut')
    logger.error(`Requests still in progress after ${SHUTDOWN_DEADLINE_MS / 1000} s were cut off.`);
  await recorder.stop();
  await Promise.all([simulator?.close(), app.close(), webhookApp?.close(), store.close()]);
  process.exit(outcome === 'finished' ? 0 : 1);
}

process.once('SIGTERM', () => void shutDown('SIGTERM'));
process.once('SIGINT', () => void shutDown('SIGINT'));
