import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// For specs that need the built server with settings of their own (the shared one from
// playwright.config.ts runs in plain simulator mode): started on a free port, in simulator mode.

export type OwnServer = { url: string; stop(): Promise<void> };

// A new embedded store: a copy of the run's migrated one (playwright.config.ts makes it).
export function newStoreDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'lti-e2e-own-'));
  cpSync(process.env.E2E_STORE_TEMPLATE!, dataDir, { recursive: true });
  return dataDir;
}

// env.DATA_DIR: a store that outlives the server (from newStoreDir()), else one of its own, removed
// when it stops. An embedded store is opened by one process only.
export async function startOwnServer(env: Record<string, string>): Promise<OwnServer> {
  const dataDir = env.DATA_DIR ?? newStoreDir();
  const server = spawn('node', ['dist/server/main.js'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      PLAID_UPSTREAM: 'simulator',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // main.js prints "listening on http://127.0.0.1:PORT, …" once it accepts connections.
  const url = await new Promise<string>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+?),/.exec(output);
      if (match) resolve(match[1]!);
    });
  });
  return {
    url,
    stop: async () => {
      server.kill('SIGTERM');
      await once(server, 'exit');
      if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
