import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { scenarioToken } from '../src/simulator';
import { batchBenchSection, runBatchBench } from './batch-500';
import { runBundleSizeCheck } from './frontend';
import { runHistoryBench } from './history';
import { describeMachine } from './lib/machine';
import { table, type Section } from './lib/report';
import { runMemoryBench } from './memory';
import { runOverheadBench } from './overhead';
import { runLargeTokenRenderBench } from './render-large-token';
import { runSoakBench } from './soak';

// `npm run bench`: builds the app, runs every benchmark one after another (never two at once:
// they would share the 2 cores) and writes the figures to bench/RESULTS.md.
//
//   npm run bench -- --soak-seconds 600
//
// During development, some benchmarks only, in short rounds; the figures are printed and
// bench/RESULTS.md (the record of a full run) is left alone:
//
//   npm run bench -- --only throughput --seconds 3
//   npm run bench -- --only throughput,latency --rounds 3 --seconds 2
//   npm run bench -- --only throughput,latency --still-clock   (answers repeat, as Plaid's do)

const BENCHMARKS = [
  'throughput',
  'latency',
  'memory',
  'frontend',
  'render',
  'batch',
  'history',
  'soak',
] as const;
type Benchmark = (typeof BENCHMARKS)[number];

const { values } = parseArgs({
  options: {
    'soak-seconds': { type: 'string', default: '180' },
    // Comma-separated names from BENCHMARKS; throughput and latency are the two parts of the proxy
    // overhead benchmark.
    only: { type: 'string' },
    // The proxy overhead benchmark's rounds per load, and seconds per round.
    rounds: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '3' },
    // History's store size (kept tokens).
    'history-tokens': { type: 'string', default: '100000' },
    // The proxy overhead benchmark with the simulator's clock stopped (bench/overhead.ts).
    'still-clock': { type: 'boolean', default: false },
  },
});
const soakSeconds = Number(values['soak-seconds']);
const only = values.only?.split(',').map((name) => name.trim());
const unknown = only?.filter((name) => !(BENCHMARKS as readonly string[]).includes(name)) ?? [];
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}: choose from ${BENCHMARKS.join(', ')}.`);
  process.exit(1);
}
const selected = (name: Benchmark) => only === undefined || only.includes(name);

const startedAt = new Date();
const machine = describeMachine();

console.log('Building (npm run build)…');
execFileSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });

const ordinary = scenarioToken('fresh');
const large = scenarioToken('large');
const sections: Section[] = [];

async function run(name: string, benchmark: () => Section | Promise<Section>): Promise<void> {
  console.log(`Running ${name}…`);
  let section: Section;
  try {
    section = await benchmark();
  } catch (error) {
    // One broken benchmark must not cost the figures of the others; the report says it failed.
    console.error(error);
    const message = error instanceof Error ? error.message : String(error);
    section = {
      title: name,
      markdown: `Did not complete: ${message}`,
      goals: [{ name: 'ran', met: false, detail: message }],
    };
  }
  for (const goal of section.goals)
    console.log(`  ${goal.met ? 'met   ' : 'MISSED'} ${goal.name}: ${goal.detail}`);
  sections.push(section);
}

if (selected('throughput') || selected('latency')) {
  await run('proxy overhead', () =>
    runOverheadBench({
      linkToken: ordinary,
      concurrencyLevels: selected('throughput') ? [1, 10, 50] : [],
      fixedRate: selected('latency') ? 100 : undefined,
      rounds: Number(values.rounds),
      secondsPerRound: Number(values.seconds),
      stillClock: values['still-clock'],
    }),
  );
}
if (selected('memory')) {
  await run('memory', () =>
    runMemoryBench({
      lookups: 20_000,
      connections: 10,
      linkTokens: [...Array.from({ length: 9 }, () => ordinary), large],
      sampleEveryMs: 100,
    }),
  );
}
if (selected('frontend')) await run('front end', runBundleSizeCheck);
if (selected('render')) await run('large token render in Chromium', runLargeTokenRenderBench);
if (selected('batch')) await run('batch', async () => batchBenchSection(await runBatchBench()));
if (selected('history'))
  await run('History', () => runHistoryBench({ tokens: Number(values['history-tokens']), samples: 40 }));
if (selected('soak')) await run('soak', () => runSoakBench({ seconds: soakSeconds, concurrency: 16 }));

if (only !== undefined) {
  // A partial run: its figures on the terminal, bench/RESULTS.md untouched.
  for (const section of sections) console.log(`\n## ${section.title}\n\n${section.markdown}\n`);
  process.exit(0);
}

const goals = sections.flatMap((section) =>
  section.goals.map((goal) => ({ section: section.title, ...goal })),
);
// As typed, so that the run can be repeated.
const command =
  process.argv.length > 2 ? `npm run bench -- ${process.argv.slice(2).join(' ')}` : 'npm run bench';
const minutes = ((Date.now() - startedAt.getTime()) / 60_000).toFixed(1);
const report = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\` (bench/run.ts) on ${startedAt.toISOString()}; the run took ${minutes} min.`,
  `Command: \`${command}\`.`,
  '',
  '## Machine',
  '',
  table(
    ['CPUs', 'CPU model', 'memory', 'Node', 'OS', 'load average at start (1/5/15 min)'],
    [
      [
        String(machine.cpus),
        machine.cpuModel,
        `${machine.memoryGb} GB`,
        machine.node,
        machine.os,
        machine.loadAverage,
      ],
    ],
  ),
  '',
  'The load generator runs in the benchmark process; the simulator, our proxy, the pass-through and the baseline each run in a ' +
    'process of their own (our proxy as built: `node dist/server/main.js`, logging at info to /dev/null). ' +
    'With 2 cores, the generator, the proxy and the simulator compete for CPU, which caps throughput for ' +
    'every target alike.',
  '',
  '## Goals',
  '',
  table(
    ['area', 'goal', 'met', 'measured'],
    goals.map((goal) => [goal.section, goal.name, goal.met ? 'yes' : '**NO**', goal.detail]),
  ),
  '',
  ...sections.flatMap((section) => [`## ${section.title}`, '', section.markdown, '']),
].join('\n');

writeFileSync('bench/RESULTS.md', report);
// Aligned tables, as the rest of the repository's Markdown (prettier).
execFileSync('npx', ['prettier', '--write', 'bench/RESULTS.md'], { stdio: 'ignore' });
console.log(`Wrote bench/RESULTS.md (${goals.filter((goal) => !goal.met).length} goals missed).`);
