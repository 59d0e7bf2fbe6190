import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port';

// A real redis-server (the Debian package) on a free loopback port, started and stopped by the test
// or benchmark that needs it: no persistence, nothing shared with any other Redis on the machine.
// stop() and start() take it away and bring it back on the same port (an outage); pause() and
// resume() freeze it with SIGSTOP / SIGCONT (a Redis that accepts connections but never answers).
// Each does nothing when Redis is already in the state asked for.

export type TestRedis = {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  pause(): void;
  resume(): void;
};

const INSTALL_HINT =
  'The Redis tests need redis-server, which is not installed. Install it (Debian/Ubuntu: ' +
  'sudo apt-get install -y redis-server; macOS: brew install redis) and run the tests again.';
const START_TIMEOUT_MS = 10_000;

export async function startTestRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child = await launch(port);
  const stopAtExit = () => child.kill('SIGKILL');
  // A test run that dies half-way must not leave a Redis behind.
  process.once('exit', stopAtExit);

  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      process.off('exit', stopAtExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGCONT');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
    async start() {
      if (child.exitCode === null && child.signalCode === null) return;
      child = await launch(port);
      process.once('exit', stopAtExit);
    },
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
  };
}

async function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(INSTALL_HINT) : error),
    );
    child.once('exit', (code) => reject(new Error(`redis-server exited with code ${code}:\n${output}`)));
  });
  failed.catch(() => {}); // Only awaited while starting; an exit afterwards is the test's doing.
  try {
    await Promise.race([failed, answersPing(port)]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return child;
}

async function answersPing(port: number): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await ping(port)) return;
    await sleep(20);
  }
  throw new Error(`redis-server did not answer PING on port ${port} within ${START_TIMEOUT_MS} ms`);
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(1_000, () => socket.destroy());
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      resolve(data.toString().startsWith('+PONG'));
      socket.destroy();
    });
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
  });
}
