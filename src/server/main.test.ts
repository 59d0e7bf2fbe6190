import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { SimulatorTokenListSchema } from '../shared/api-types';
import { json, startFakeUpstream, type FakeUpstream } from './testing/fake-upstream';

// main.ts as a real process: what `npm start` runs, minus the build.

const SANDBOX_TOKEN = 'link-sandbox-af1a0311-da53-4636-b754-dd15cc058176';

type Started = { child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> };

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

// Creating an embedded database takes PGlite seconds (opening one, a fraction): each server opens a
// copy of the run's migrated one (store/test-pglite-template.ts).
const TEMPLATE_DIR = inject('pgliteTemplate');

function runMain(env: Record<string, string>) {
  const DATA_DIR = mkdtempSync(join(tmpdir(), 'inspector-main-test-'));
  cpSync(TEMPLATE_DIR, DATA_DIR, { recursive: true });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'warn', DATA_DIR, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.on('exit', () => rmSync(DATA_DIR, { recursive: true, force: true }));
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function startMain(env: Record<string, string>): Promise<Started> {
  const run = runMain(env);
  await expect.poll(run.output, { timeout: 40_000 }).toMatch(/listening on http:\/\/\S+,/);
  const url = /listening on (http:\/\/\S+),/.exec(run.output())![1]!;
  return { ...run, url };
}

// A raw connection to the server that sends `text` and no more; `closed` settles when the server
// closes it.
async function openSocket(url: string, text: string): Promise<{ closed: Promise<boolean> }> {
  const { hostname, port } = new URL(url);
  const socket = createConnection({ host: hostname, port: Number(port) });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.on('error', () => {});
  socket.resume();
  if (text) socket.write(text);
  return { closed: new Promise((resolve) => socket.once('close', () => resolve(true))) };
}

// Each test starts a Node process with tsx and opens its embedded store, which takes a few seconds
// on a small machine (tens of seconds while other test suites share its two cores).
describe('main', { timeout: 60_000 }, () => {
  let upstream: FakeUpstream;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
  });
  afterAll(() => upstream.close());

  it('refuses to start on a bad variable, naming it', async () => {
    const run = runMain({ PLAID_TIMEOUT_MS: 'soon' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(
      'Invalid configuration: PLAID_TIMEOUT_MS must be a whole number in digits, from 100 to 300000 (milliseconds).',
    );
  });

  it('says so when its port is taken', async () => {
    const port = new URL(upstream.url).port;
    const run = runMain({ PORT: port, PLAID_UPSTREAM: 'plaid' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(`Could not listen on 127.0.0.1:${port}: the port is already in use`);
  });

  it('starts the simulator when no credentials are configured and answers its fixture tokens', async () => {
    const { url, child, exited } = await startMain({});
    const list = SimulatorTokenListSchema.parse(await (await fetch(`${url}/api/simulator/tokens`)).json());
    const response = await fetch(`${url}/api/link/token/get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: url },
      body: JSON.stringify({ link_token: list.tokens[0]!.link_token }),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).link_token).toBe(list.tokens[0]!.link_token);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('serves Plaid webhooks alone on WEBHOOK_PORT, and stops it on SIGTERM', async () => {
    const { child, exited, output } = await startMain({ WEBHOOK_PORT: '0' });
    await expect.poll(output).toMatch(/Plaid webhooks received on http:\S+\/api\/webhooks\/plaid/);
    const webhooks = /Plaid webhooks received on (http:\S+)/.exec(output())![1]!;
    const unsigned = await fetch(webhooks, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"webhook_type": "LINK"}',
    });
    expect(unsigned.status).toBe(401);
    expect((await unsigned.json()).error_code).toBe('UNAUTHORIZED');
    expect((await fetch(webhooks.replace('/api/webhooks/plaid', '/api/config'))).status).toBe(404);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('on SIGTERM stops accepting, finishes the lookup in progress, then exits', async () => {
    upstream.answerWith((request, res, req) =>
      setTimeout(() => json(200, { request_id: 'slow-but-complete' })(request, res, req), 700),
    );
    const { url, child, exited } = await startMain({
      PLAID_CLIENT_ID: 'server-client-id',
      PLAID_SECRET_SANDBOX: 'server-sandbox-secret',
      PLAID_SANDBOX_URL: upstream.url,
    });
    const inFlight = fetch(`${url}/api/link/token/get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: url },
      body: JSON.stringify({ link_token: SANDBOX_TOKEN }),
    });
    await expect.poll(() => upstream.requests.length).toBe(1);
    child.kill('SIGTERM');

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ request_id: 'slow-but-complete' });
    // The finished answer ends its connection rather than idling in keep-alive until a timeout.
    expect(response.headers.get('Connection')).toBe('close');
    await expect(fetch(`${url}/api/config`)).rejects.toThrow();
    expect(await exited).toBe(0);
  });

  it('on SIGTERM closes half-sent requests and idle connections at once, finishes the lookup in progress, and exits 0', async () => {
    upstream.answerWith((request, res, req) =>
      setTimeout(() => json(200, { request_id: 'slow-but-complete' })(request, res, req), 700),
    );
    const { url, child, exited } = await startMain({
      PLAID_CLIENT_ID: 'server-client-id',
      PLAID_SECRET_SANDBOX: 'server-sandbox-secret',
      PLAID_SANDBOX_URL: upstream.url,
    });
    const { host } = new URL(url);
    upstream.requests.length = 0;
    // A client that sends its headers and half its body, one that stops in the middle of its
    // headers, and one that has connected and sent nothing.
    const halfSent = await openSocket(
      url,
      `POST /api/link/token/get HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${url}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"link_token":',
    );
    const halfHeaders = await openSocket(url, `POST /api/link/token/get HTTP/1.1\r\nHost: ${host}\r\n`);
    const silent = await openSocket(url, '');
    const inFlight = fetch(`${url}/api/link/token/get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: url },
      body: JSON.stringify({ link_token: SANDBOX_TOKEN }),
    });
    await expect.poll(() => upstream.requests.length).toBe(1);
    const signalled = Date.now();
    child.kill('SIGTERM');

    expect((await inFlight).status).toBe(200);
    expect(await exited).toBe(0);
    // Not the 10 s deadline: once the lookup was answered nothing was left to wait for. (Closing
    // the store and exiting takes seconds on a busy machine: the bound only tells the two apart.)
    expect(Date.now() - signalled).toBeLessThan(9_000);
    for (const socket of [halfSent, halfHeaders, silent]) expect(await socket.closed).toBe(true);
  });
});
