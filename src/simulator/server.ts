import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { PlaidEnvironment } from '../shared/link-token';
import { createSimulatorApp, PRODUCTION_PREFIX } from './app';
import type { SimulatorOptions } from './types';

export interface RunningSimulator {
  url: string;
  // The base URL of each environment's API (PLAID_SANDBOX_URL, PLAID_PRODUCTION_URL).
  urls: Record<PlaidEnvironment, string>;
  close(): Promise<void>;
}

export function simulatorUrls(url: string): Record<PlaidEnvironment, string> {
  return { sandbox: url, production: `${url}${PRODUCTION_PREFIX}` };
}

// Serves the simulator over real HTTP on loopback (port 0 picks a free port), so the proxy talks
// to it exactly as it talks to Plaid.
export function startSimulator(
  options: SimulatorOptions & { port?: number; host?: string } = {},
): Promise<RunningSimulator> {
  const { port = 0, host = '127.0.0.1', ...simulatorOptions } = options;
  const app = createSimulatorApp(simulatorOptions);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      const url = `http://${host}:${info.port}`;
      resolve({
        url,
        urls: simulatorUrls(url),
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Ends kept-alive and hanging connections too, so close() never waits on a client.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    // E.g. EADDRINUSE when the port is taken.
    server.once('error', reject);
  });
}
