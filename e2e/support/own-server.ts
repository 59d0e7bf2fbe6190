import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// For specs that need the built server with settings of their own (the shared one from
// playwright.config.ts runs in plain simulator mode): started on a free port, in simulator mode.

export type OwnServer = { url: string; stop(): Promise<void> };

export async function startOwnServer(env: Record<string, string>): Promise<OwnServer> {
  // Its own store: an embedded store is opened by one process only.
  const dataDir = mkdtempSync(join(tmpdir(), 'lti-e2e-own-'));
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
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
