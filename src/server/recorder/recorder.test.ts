import { serve } from '@hono/node-server';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { diagnose } from '../../shared/diagnosis/diagnose';
import { withKeptSessions } from '../../shared/kept/kept-view';
import { KeptAnswerSchema, KeptBesideSchema } from '../../shared/schemas/kept';
import { LinkTokenGetResponseSchema } from '../../shared/schemas/link-token-get-response';
import { RecordingSchema } from '../../shared/schemas/recordings';
import {
  SCENARIOS,
  SIMULATOR_CLIENT_ID,
  SIMULATOR_SECRET,
  simulatorAsPlaidEnv,
  startSimulator,
  UNKNOWN_TOKEN,
  type RunningSimulator,
} from '../../simulator';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { openStore } from '../store/store';
import { startBackend, type TestBackend } from '../store/test-backends';
import { startRecorder, type Recorder } from './recorder';

// The recorder end to end, over real HTTP: a machine client registers simulator tokens with an API
// key on a running server, the recorder polls the simulator as it would poll Plaid, and what it kept
// outlives the simulator's memory. Then two instances on one PostgreSQL share the polling.

const LIVE = SCENARIOS.find((scenario) => scenario.scenario === 'live')!.link_token;

type Running = { url: string; close(): Promise<void> };
const toClose: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of toClose.splice(0).reverse()) await close();
});

const silent = pino({ level: 'silent' });

// A server instance as main.ts starts it: its store, its recorder, its app on a port.
async function startInstance(backend: TestBackend, upstreamUrl: string, pollMs: number) {
  const config = {
    ...loadConfig({
      ...simulatorAsPlaidEnv(upstreamUrl),
      RECORDER_POLL_MS: String(pollMs),
      PLAID_TIMEOUT_MS: '5000',
      RATE_LIMIT_PER_MINUTE: '10000',
      LOG_LEVEL: 'silent',
    }),
    clientDir: 'src/server/testing',
  };
  const store = await openStore({ location: backend.location, retentionDays: 30 }, silent);
  const recorder = startRecorder(config, store, silent);
  const app = createApp(config, { store, recorder, logger: silent });
  const server = await listen(app.fetch);
  toClose.push(
    () => store.close(),
    () => app.close(),
  );
  toClose.push(async () => {
    await server.close();
    await recorder.stop();
  });
  return { url: server.url, store, recorder };
}

// Port 0 everywhere: the system's free port (a fixed one can be an outgoing connection's).
function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<Running> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => closeServer(server as Server) }),
    );
  });
}
function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}

async function simulatorFor(options: Parameters<typeof startSimulator>[0] = {}) {
  const simulator = await startSimulator(options);
  toClose.push(() => simulator.close());
  return simulator;
}

async function askSimulator(simulator: RunningSimulator, linkToken: string) {
  const response = await fetch(`${simulator.url}/link/token/get`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'PLAID-CLIENT-ID': SIMULATOR_CLIENT_ID,
      'PLAID-SECRET': SIMULATOR_SECRET,
    },
    body: JSON.stringify({ link_token: linkToken }),
  });
  return LinkTokenGetResponseSchema.parse(await response.json());
}

async function register(url: string, key: string, linkTokens: string[]) {
  const response = await fetch(`${url}/api/recordings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
    body: JSON.stringify({ link_tokens: linkTokens }),
  });
  expect(response.status).toBe(200);
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a registered token, seen only by the recorder', () => {
  let backend: TestBackend;
  afterAll(() => backend?.done());

  it('is diagnosed from what the recorder kept after the simulator has forgotten its session', async () => {
    backend = await startBackend('pglite');
    // The live session gains an event every 40 ms and ends in a success; the simulator forgets it
    // 1.5 s after it ended, as Plaid does after six hours.
    const simulator = await simulatorFor({ liveStepMs: 40, forgetSessionsAfterMs: 1_500 });
    const server = await startInstance(backend, simulator.url, 50);
    const { key } = await server.store.apiKeys.create({
      name: 'shop backend',
      scopes: ['recordings:write', 'recordings:read'],
      createdBy: 'ana',
    });

    // With a token the simulator does not know, as Plaid answers INVALID_LINK_TOKEN.
    await register(server.url, key, [LIVE, UNKNOWN_TOKEN.link_token]);
    // The recorder follows the session to its end (read back with the key, as the app would).
    const recorded = await waitFor('the recorded success', async () => {
      const response = await fetch(`${server.url}/api/recordings/${LIVE}`, {
        headers: { Authorization: `Bearer ${key}` },
      });
      const recording = RecordingSchema.parse(await response.json());
      return recording.sessions.find((kept) => kept.session.on_success) ? recording : undefined;
    });
    expect(recorded.sessions[0]).toMatchObject({ source: 'recording' });

    await waitFor('the simulator to forget the session', async () =>
      (await askSimulator(simulator, LIVE)).link_sessions?.length === 0 ? true : undefined,
    );

    // A person looks the token up now: Plaid (the simulator) has no session any more...
    const lookup = await fetch(`${server.url}/api/link/token/get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ link_token: LIVE }),
    });
    expect(lookup.status).toBe(200);
    const body = (await lookup.json()) as Record<string, unknown>;
    const plaid = LinkTokenGetResponseSchema.parse(body);
    expect(plaid.link_sessions).toEqual([]);
    expect(diagnose(plaid, Date.now()).verdict).not.toBe('linked');
    // ...and the recorder's copy, beside it, makes the diagnosis.
    const kept = KeptBesideSchema.parse(body.kept);
    expect(kept.sessions).toEqual([
      expect.objectContaining({ source: 'recording', seen_by: 'recorder:shop backend' }),
    ]);
    expect(diagnose(withKeptSessions(plaid, kept.sessions).data, Date.now()).verdict).toBe('linked');

    // The permalink reads the same without asking the simulator.
    const permalink = KeptAnswerSchema.parse(await (await fetch(`${server.url}/api/kept/${LIVE}`)).json());
    expect(permalink.sessions.map((entry) => entry.session.on_success !== undefined)).toEqual([true]);

    // The token Plaid refused was stopped for good, after one last poll.
    const refused = await waitFor('the unknown token to stop', async () => {
      const response = await fetch(`${server.url}/api/recordings/${UNKNOWN_TOKEN.link_token}`, {
        headers: { Authorization: `Bearer ${key}` },
      });
      const recording = RecordingSchema.parse(await response.json());
      return recording.state === 'stopped' ? recording : undefined;
    });
    expect(refused).toMatchObject({ stop_reason: 'refused', polls: 2, next_poll_at: null, sessions: [] });

    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^recorder_tokens_recording 1$/m);
    expect(metrics).toMatch(/^recorder_polls_total\{result="changed"\} \d+$/m);
    expect(metrics).toMatch(/^recorder_polls_total\{result="refused"\} 2$/m);
  }, 60_000);
});

describe('two instances on one PostgreSQL', () => {
  let backend: TestBackend;
  afterAll(() => backend?.done());

  it('poll each token once per due time: every poll the simulator answered is one the schedule counted', async () => {
    backend = await startBackend('postgresql');
    const simulator = await simulatorFor();
    const counter = await countingProxy(simulator);
    const a = await startInstance(backend, counter.url, 25);
    const b = await startInstance(backend, counter.url, 25);
    const tokens = SCENARIOS.filter((scenario) => !scenario.scenario.startsWith('fault-'))
      .slice(0, 12)
      .map((scenario) => scenario.link_token);
    const { key, record } = await a.store.apiKeys.create({
      name: 'shop backend',
      scopes: ['recordings:write'],
      createdBy: 'ana',
    });
    await register(a.url, key, tokens);

    // Both poll for a while, then stop; whatever they polled is written before stop() resolves.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await Promise.all([a.recorder.stop(), b.recorder.stop()]);

    const counted = await a.store.recordings.read(record.id, tokens);
    for (const recording of counted)
      expect(counter.polls.get(recording.linkToken) ?? 0).toBe(recording.polls);
    expect(counted.every((recording) => recording.polls >= 1)).toBe(true);
    // Both instances took part.
    for (const instance of [a, b]) expect(await pollsMade(instance.recorder)).toBeGreaterThan(0);
  }, 90_000);
});

const HOP_HEADERS = new Set(['content-length', 'host', 'connection', 'keep-alive', 'transfer-encoding']);

// Forwards to the simulator and counts /link/token/get calls per token.
async function countingProxy(simulator: RunningSimulator) {
  const polls = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString();
      const token = (JSON.parse(body) as { link_token?: string }).link_token;
      if (token) polls.set(token, (polls.get(token) ?? 0) + 1);
      // Plaid's headers (credentials, content type) go on; the connection's own (content-length,
      // host, keep-alive) are fetch's to set: passed on, undici at times refused the request.
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string' && !HOP_HEADERS.has(entry[0]),
        ),
      );
      const answer = await fetch(`${simulator.url}${req.url}`, { method: 'POST', headers, body });
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(await answer.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  toClose.push(() => closeServer(server));
  return { url: `http://127.0.0.1:${port}`, polls };
}

async function pollsMade(recorder: Recorder): Promise<number> {
  const registry = new Registry();
  recorder.registerMetrics(registry);
  const polls = await registry.getSingleMetric('recorder_polls_total')!.get();
  return polls.values.reduce((sum, value) => sum + value.value, 0);
}
