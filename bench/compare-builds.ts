import { parseArgs } from 'node:util';
import { scenarioToken } from '../src/simulator';
import { readCpuSeconds } from './lib/cpu-time';
import { runLoad } from './lib/load';
import type { ChildServer } from './lib/processes';
import { median } from './lib/stats';
import { startTestPostgres, type TestPostgres } from '../src/server/testing/postgres-server';
import { proxyLookup, startProxy, startStandaloneSimulator, STILL_CLOCK } from './targets';

// Two builds of our server side by side, for one change to the request path: each round sends
// the same closed-loop load to both at once, in front of one simulator, and reads the CPU time each
// server used per lookup (bench/lib/cpu-time.ts). On the shared 2-core machine, whose load swings
// within seconds, figures taken one after the other say little; taken at the same moments, the two
// builds meet the same contention, and the medians over rounds say how much CPU a change saves.
// Build both first (`npm run build` in each checkout).
//
//   npx tsx bench/compare-builds.ts --before /path/to/other/checkout [--after .] [--rounds 6]
//     [--postgres] [--still-clock]
//
// --postgres: each build keeps answers in a PostgreSQL server of its own (DATABASE_URL) rather than
// in PGlite. --still-clock: the simulator's clock stopped, so the `fresh` answer repeats but for its
// request_id, as Plaid's does (bench/servers/simulator.ts), instead of changing once a second.

const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    after: { type: 'string', default: '.' },
    rounds: { type: 'string', default: '6' },
    seconds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    postgres: { type: 'boolean', default: false },
    'still-clock': { type: 'boolean', default: false },
  },
});
if (!values.before) {
  console.error(
    'Usage: npx tsx bench/compare-builds.ts --before DIR [--after DIR] [--rounds N] [--seconds S]',
  );
  process.exit(1);
}

type Round = { requestsPerSecond: number; cpuUs: number };

async function round(server: ChildServer): Promise<Round> {
  const before = readCpuSeconds(server.pid);
  const run = await runLoad({
    baseUrl: server.url,
    requests: [proxyLookup(scenarioToken('fresh'), server.url)],
    connections: Number(values.connections),
    durationSeconds: Number(values.seconds),
  });
  const cpu = readCpuSeconds(server.pid) - before;
  if (run.non2xx + run.errors > 0) throw new Error(`failed requests: ${JSON.stringify(run.statusCounts)}`);
  return {
    requestsPerSecond: run.latencies.length / run.durationSeconds,
    cpuUs: (cpu * 1e6) / run.latencies.length,
  };
}

const simulator = await startStandaloneSimulator(values['still-clock'] ? STILL_CLOCK : {});
const databases: TestPostgres[] = [];
async function storeEnv(): Promise<Record<string, string>> {
  if (!values.postgres) return {};
  const postgres = await startTestPostgres();
  databases.push(postgres);
  return { DATABASE_URL: postgres.url };
}
const builds = [
  { name: 'before', server: await startProxy(simulator.url, await storeEnv(), [], values.before) },
  { name: 'after', server: await startProxy(simulator.url, await storeEnv(), [], values.after) },
];
try {
  // Warm-up: JIT and connection pools.
  for (const build of builds) await round(build.server);
  const rounds = builds.map((): Round[] => []);
  for (let index = 0; index < Number(values.rounds); index++) {
    const results = await Promise.all(builds.map((build) => round(build.server)));
    results.forEach((result, which) => rounds[which]!.push(result));
    console.log(
      `round ${index + 1}: ` +
        builds
          .map(
            (build, which) =>
              `${build.name} ${results[which]!.requestsPerSecond.toFixed(0)} req/s, ${results[which]!.cpuUs.toFixed(0)} µs CPU/lookup`,
          )
          .join('; '),
    );
  }
  const [before, after] = rounds.map((list) => ({
    requestsPerSecond: median(list.map((entry) => entry.requestsPerSecond)),
    cpuUs: median(list.map((entry) => entry.cpuUs)),
  })) as [Round, Round];
  console.log(
    `median: before ${before.requestsPerSecond.toFixed(0)} req/s, ${before.cpuUs.toFixed(0)} µs CPU/lookup; ` +
      `after ${after.requestsPerSecond.toFixed(0)} req/s, ${after.cpuUs.toFixed(0)} µs CPU/lookup ` +
      `(CPU ${(((after.cpuUs - before.cpuUs) / before.cpuUs) * 100).toFixed(1)}%, ` +
      `throughput ${(((after.requestsPerSecond - before.requestsPerSecond) / before.requestsPerSecond) * 100).toFixed(1)}%)`,
  );
} finally {
  for (const build of builds) await build.server.stop();
  await simulator.stop();
  for (const postgres of databases) await postgres.destroy();
}
