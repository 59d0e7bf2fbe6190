import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scenarioToken } from '../src/simulator';
import { summariseProfile, type Row, type Window } from './lib/cpuprofile';
import { runLoad, summarise } from './lib/load';
import { runPacedLoad } from './lib/paced-load';
import { table } from './lib/report';
import { startTestPostgres } from '../src/server/testing/postgres-server';
import {
  proxyLookup,
  startPassThrough,
  startProxy,
  startProxyWithoutStore,
  startStandaloneSimulator,
  STILL_CLOCK,
} from './targets';

// Where a lookup's time goes: the built server (`node --cpu-prof dist/server/main.js`, as the
// overhead benchmark runs it, in front of the simulator) under the benchmark's closed-loop load,
// then its profile summed by function, by where the code lives and by middleware
// (bench/lib/cpuprofile.ts), in microseconds per lookup. Run `npm run build` first.
//
//   npx tsx bench/profile-lookup.ts [--seconds 20] [--connections 10] [--top 25] [--passthrough]
//     [--postgres] [--no-store] [--still-clock] [--rate 100] [--warm-seconds 3]
//   npx tsx bench/profile-lookup.ts --summarise FILE.cpuprofile [--lookups N] [--callers writev]

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '10' },
    top: { type: 'string', default: '25' },
    // An existing profile, summarised without running anything; --lookups to divide by.
    summarise: { type: 'string' },
    lookups: { type: 'string' },
    // Profile the bare pass-through (bench/passthrough/) instead: what the floor's time goes to.
    passthrough: { type: 'boolean', default: false },
    // A function name (e.g. writev): also list the stacks it was called from.
    callers: { type: 'string' },
    // The store on a PostgreSQL server of the benchmark's own (DATABASE_URL) rather than PGlite.
    postgres: { type: 'boolean', default: false },
    // Profile our proxy with no store (bench/servers/proxy-without-store.ts) instead: the yardstick
    // the store's cost is measured against.
    'no-store': { type: 'boolean', default: false },
    // The simulator's clock stopped: the answer repeats but for its request_id, as Plaid's does.
    'still-clock': { type: 'boolean', default: false },
    // Evenly spaced requests at this rate (the overhead benchmark's "100 req/s") instead of
    // --connections: where a lookup's time goes when the server is mostly idle between them.
    rate: { type: 'string' },
    // Seconds of closed-loop load before the profiled one: the overhead benchmark's later loads meet
    // a server that has served minutes of load already.
    'warm-seconds': { type: 'string', default: '3' },
  },
});
const top = Number(values.top);

// The monotonic clock in microseconds, as V8 stamps profile samples.
const microseconds = () => Number(process.hrtime.bigint() / 1000n);

async function profileUnderLoad(): Promise<{ dir: string; lookups: number; window: Window }> {
  const dir = mkdtempSync(join(tmpdir(), 'lookup-profile-'));
  const simulator = await startStandaloneSimulator(values['still-clock'] ? STILL_CLOCK : {});
  const postgres = values.postgres ? await startTestPostgres() : undefined;
  const profiling = ['--cpu-prof', '--cpu-prof-dir', dir];
  const proxy = values.passthrough
    ? await startPassThrough(simulator.url, profiling)
    : values['no-store']
      ? await startProxyWithoutStore(simulator.url, profiling)
      : await startProxy(simulator.url, postgres ? { DATABASE_URL: postgres.url } : {}, profiling);
  const lookup = proxyLookup(scenarioToken('fresh'), proxy.url);
  try {
    // Warm-up (JIT, connection pools), left out of the summary with start-up.
    await runLoad({
      baseUrl: proxy.url,
      requests: [lookup],
      connections: 10,
      durationSeconds: Number(values['warm-seconds']),
    });
    const from = microseconds();
    const durationSeconds = Number(values.seconds);
    const run =
      values.rate === undefined
        ? await runLoad({
            baseUrl: proxy.url,
            requests: [lookup],
            connections: Number(values.connections),
            durationSeconds,
          })
        : await runPacedLoad({
            baseUrl: proxy.url,
            request: lookup,
            requestsPerSecond: Number(values.rate),
            durationSeconds,
          });
    const to = microseconds();
    const result = summarise([run]);
    const load =
      values.rate === undefined ? `over ${values.connections} connections` : `paced at ${values.rate} req/s`;
    console.log(
      `${result.answered} lookups in ${values.seconds} s ${load} ` +
        `(${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50.toFixed(2)} ms, ${result.failed} failed)`,
    );
    return { lookups: result.answered, dir, window: { from, to } };
  } finally {
    // The profile is written when the server exits.
    await proxy.stop();
    await simulator.stop();
    await postgres?.destroy();
  }
}

function print(title: string, rows: Row[], lookups: number | undefined): void {
  console.log(`\n### ${title}\n`);
  console.log(
    table(
      ['', 'ms', 'share', ...(lookups ? ['µs per lookup'] : [])],
      rows.map((row) => [
        row.name,
        row.ms.toFixed(0),
        `${(row.share * 100).toFixed(1)}%`,
        ...(lookups ? [((row.ms * 1000) / lookups).toFixed(1)] : []),
      ]),
    ),
  );
}

let file = values.summarise;
let lookups = values.lookups === undefined ? undefined : Number(values.lookups);
let window: Window | undefined;
if (file === undefined) {
  const profiled = await profileUnderLoad();
  ({ lookups, window } = profiled);
  // One profile per thread: tsx's module loader and PGlite (store/pglite-worker.js) run on threads
  // of their own. Each thread's busy time is listed; the main thread's profile, which handled the
  // load, is the busiest, and is summarised below (--summarise another file for the others).
  const threads = readdirSync(profiled.dir)
    .map((name) => join(profiled.dir, name))
    .map((profile) => ({ profile, busyMs: summariseProfile(profile, { top: 0, window }).busyMs }))
    .sort((a, b) => b.busyMs - a.busyMs);
  console.log('\n### Each thread\n');
  console.log(
    table(
      ['profile', 'ms busy', 'µs per lookup'],
      threads.map(({ profile, busyMs }) => [
        profile,
        busyMs.toFixed(0),
        ((busyMs * 1000) / lookups!).toFixed(1),
      ]),
    ),
  );
  file = threads[0]!.profile;
}

const summary = summariseProfile(file, { top, window, callersOf: values.callers });
console.log(`\nProfile ${file}`);
console.log(
  `${summary.totalMs.toFixed(0)} ms sampled, ${summary.busyMs.toFixed(0)} ms busy` +
    (lookups ? ` (${((summary.busyMs * 1000) / lookups).toFixed(1)} µs of CPU per lookup)` : ''),
);
print(
  'By owner: our module or registered middleware innermost on the stack (self time below it)',
  summary.byOwner,
  lookups,
);
print('By where the code lives (self time)', summary.byPlace, lookups);
print('By function (self time)', summary.byFunction, lookups);
if (values.callers) print(`Where ${values.callers} was called from`, summary.callers, lookups);
