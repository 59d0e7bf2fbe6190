import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

// Servers under test run in their own processes so that the load generator (this process) does
// not share an event loop with them: on a 2-core machine a shared loop would make every server
// look slower by the generator's own cost.

export type ChildServer = { url: string; pid: number; stop(): Promise<void> };

// Our server opens its store before it listens: creating a new PGlite database takes ~16 s here,
// far longer while other work shares the cores.
const START_TIMEOUT_MS = 90_000;

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      // A server that ignores SIGTERM must not outlive the benchmark.
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });
}

// Runs a TypeScript entry under tsx; the entry reports `{ url }` over IPC once it listens.
// nodeArgs go to node itself, e.g. --cpu-prof for bench/profile-lookup.ts.
export function forkTsServer(
  entry: string,
  env: Record<string, string> = {},
  nodeArgs: readonly string[] = [],
): Promise<ChildServer> {
  const child = fork(entry, [], {
    execArgv: [...nodeArgs, '--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with code ${code} before it was ready`));
    });
    child.once('message', (message) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const { url } = message as { url: string };
      resolve({ url, pid: child.pid!, stop: stopper(child) });
    });
  });
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('No port');
  return address.port;
}

// Runs the built server exactly as it ships (`node dist/server/main.js`) and waits for /healthz.
// nodeArgs go to node itself, e.g. --cpu-prof for bench/profile-lookup.ts; dir is the checkout
// whose build runs (another one for bench/compare-builds.ts).
export async function startBuiltServer(
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
  dir = '.',
): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, 'dist/server/main.js'], {
    cwd: dir,
    env: { ...process.env, HOST: '127.0.0.1', ...env, PORT: String(port) },
    // Logs go to /dev/null: written as in production, but not parsed by this process.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dist/server/main.js exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return { url, pid: child.pid!, stop: stopper(child) };
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`dist/server/main.js did not answer /healthz within ${START_TIMEOUT_MS} ms`);
}
