import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createSimulatorApp } from './app';
import type { SimulatorOptions } from './types';

export interface RunningSimulator {
  url: string;
  close(): Promise<void>;
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
      resolve({
        url: `http://${host}:${info.port}`,
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
