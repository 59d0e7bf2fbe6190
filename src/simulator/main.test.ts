import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { PLAID_HEADERS } from './test-support';

// `npm run simulator` as a user runs it: a separate process, configured by its environment.

let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});

function startStandalone(env: Record<string, string>): Promise<{ url: string; output: () => string }> {
  child = spawn(process.execPath, ['--import', 'tsx', 'src/simulator/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      // Resolve once the token list has been printed too.
      if (match && output.includes('unknown')) resolve({ url: match[1]!, output: () => output });
    });
    child!.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child!.on('exit', (code) => reject(new Error(`simulator exited with ${code}: ${output}`)));
  });
}

describe('npm run simulator', () => {
  it('listens on SIMULATOR_PORT, prints the credentials and fixture tokens, and answers like Plaid', async () => {
    const { url, output } = await startStandalone({ SIMULATOR_PORT: '0' });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(output()).toContain('PLAID-CLIENT-ID=simulator-client-id PLAID-SECRET=simulator-secret');
    expect(output()).toContain('link-sandbox-00000000-0000-4000-8000-000000000003');

    const response = await fetch(`${url}/link/token/get`, {
      method: 'POST',
      headers: PLAID_HEADERS,
      body: JSON.stringify({ link_token: 'link-sandbox-00000000-0000-4000-8000-000000000003' }),
    });
    expect(response.status).toBe(200);
  }, 20_000);

  it('applies SIMULATOR_FAULT to every request', async () => {
    const { url, output } = await startStandalone({ SIMULATOR_PORT: '0', SIMULATOR_FAULT: '503' });
    expect(output()).toContain('SIMULATOR_FAULT=503');
    const response = await fetch(`${url}/link/token/get`, {
      method: 'POST',
      headers: PLAID_HEADERS,
      body: '{}',
    });
    expect(response.status).toBe(503);
  }, 20_000);
});

describe('npm run simulator on a port already in use', () => {
  it('says so and exits with status 1', async () => {
    const { url } = await startStandalone({ SIMULATOR_PORT: '0' });
    const second = spawn(process.execPath, ['--import', 'tsx', 'src/simulator/main.ts'], {
      env: { ...process.env, SIMULATOR_PORT: new URL(url).port },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    second.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const [code] = (await once(second, 'exit')) as [number];
    expect(code).toBe(1);
    expect(errors).toMatch(/could not start on port \d+: .*EADDRINUSE/);
  }, 20_000);
});
