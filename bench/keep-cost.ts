import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pino from 'pino';
import type { LinkTokenGetResponse } from '../src/shared/schemas/link-token-get-response';
import { openStore, type Store } from '../src/server/store/store';
import { startTestPostgres } from '../src/server/testing/postgres-server';
import { scenarioToken, startSimulator, SIMULATOR_CLIENT_ID, SIMULATOR_SECRET } from '../src/simulator';
import { readCpuSeconds } from './lib/cpu-time';
import { describeMachine } from './lib/machine';

// What keeping one changed answer costs: the simulator's answer for a scenario's token, kept again
// and again with a new created_at each time (what the benchmark's moving clock does to `fresh`
// once a second), each written through Store.keep() and waited for. Prints the CPU per write of
// this process, all threads counted (PGlite runs in a worker thread of its own), and with
// --postgres also of the PostgreSQL server (a server of its own, started for the run).
//
//   npx tsx bench/keep-cost.ts [--scenario fresh] [--postgres] [--writes 200] [--rounds 3]
//     [--every-ms 1000]
//   node --cpu-prof --cpu-prof-dir DIR --import tsx bench/keep-cost.ts   (a profile per thread)

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'fresh' },
    postgres: { type: 'boolean', default: false },
    writes: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '3' },
    // A pause before each write, as a server meets them (the moving clock: one a second), rather
    // than back to back, where the JIT, the caches and PGlite's thread stay warm.
    'every-ms': { type: 'string', default: '0' },
  },
});
const writes = Number(values.writes);
const everyMs = Number(values['every-ms']);
const linkToken = scenarioToken(values.scenario);

const answer = await simulatorAnswer(linkToken);
const postgres = values.postgres ? await startTestPostgres() : undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'keep-cost-'));
const store = await openStore(
  { location: postgres ? { databaseUrl: postgres.url } : { dataDir }, retentionDays: 30 },
  pino({ level: 'silent' }),
);

let second = 0;
// One changed answer kept: the answer with the next second as its created_at.
async function keepChanged(): Promise<void> {
  second += 1;
  const created_at = new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString();
  const body = new TextEncoder().encode(JSON.stringify({ ...answer, created_at }));
  if (!store.keep({ linkToken, environment: 'sandbox', body, source: 'lookup', seenBy: 'bench' }))
    throw new Error('The store did not queue the answer.');
  await store.idle();
}

// The main thread's CPU (the thread whose id is the process's): the rest of this process's is
// PGlite's worker thread, chiefly.
const mainThreadCpuSeconds = () => readCpuSeconds(process.pid, process.pid);

async function round(): Promise<{ ownMs: number; mainMs: number; postgresMs: number; wallMs: number }> {
  const own = process.cpuUsage();
  const mainBefore = mainThreadCpuSeconds();
  const postgresBefore = postgres ? postgresCpuSeconds(postgres.url) : 0;
  const started = performance.now();
  for (let i = 0; i < writes; i++) {
    if (everyMs > 0) await sleep(everyMs);
    await keepChanged();
  }
  const { user, system } = process.cpuUsage(own);
  return {
    ownMs: (user + system) / 1000 / writes,
    mainMs: ((mainThreadCpuSeconds() - mainBefore) * 1000) / writes,
    postgresMs: postgres ? ((postgresCpuSeconds(postgres.url) - postgresBefore) * 1000) / writes : 0,
    wallMs: (performance.now() - started) / writes - everyMs,
  };
}

try {
  // Warm-up: the JIT, the pool's connections, the token's first write.
  for (let i = 0; i < 50; i++) await keepChanged();
  const machine = describeMachine();
  console.log(
    `${values.scenario} on ${postgres ? 'PostgreSQL' : 'PGlite'}, ${writes} writes a round ` +
      `(${answer.link_sessions?.length ?? 0} sessions; load ${machine.loadAverage})`,
  );
  for (let i = 0; i < Number(values.rounds); i++) {
    const { ownMs, mainMs, postgresMs, wallMs } = await round();
    const server = postgres ? `, PostgreSQL server ${postgresMs.toFixed(2)} ms` : '';
    console.log(
      `CPU per write: this process ${ownMs.toFixed(2)} ms (main thread ${mainMs.toFixed(2)} ms)` +
        `${server}; wall ${wallMs.toFixed(2)} ms`,
    );
  }
} finally {
  await closeAll(store);
}

async function closeAll(opened: Store): Promise<void> {
  await opened.close();
  await postgres?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
}

async function simulatorAnswer(token: string): Promise<LinkTokenGetResponse> {
  const simulator = await startSimulator({ port: 0, host: '127.0.0.1' });
  try {
    const response = await fetch(`${simulator.url}/link/token/get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_id: SIMULATOR_CLIENT_ID, secret: SIMULATOR_SECRET, link_token: token }),
    });
    return (await response.json()) as LinkTokenGetResponse;
  } finally {
    await simulator.close();
  }
}

// The CPU of every process of the PostgreSQL server (the postmaster and its backends), found by the
// port in the server's URL: each is a child of the postmaster.
function postgresCpuSeconds(url: string): number {
  const port = new URL(url).port;
  const postmaster = readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .find((pid) => {
      try {
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return (
          command.split('\0').includes(`-p`) &&
          command.includes(`\0${port}\0`) &&
          command.includes('postgres')
        );
      } catch {
        return false;
      }
    });
  if (!postmaster) throw new Error(`No PostgreSQL server found on port ${port}.`);
  let seconds = readCpuSeconds(Number(postmaster));
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const parent = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
      if (parent === postmaster) seconds += readCpuSeconds(Number(pid));
    } catch {
      // The process ended meanwhile.
    }
  }
  return seconds;
}
