import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_BATCH_TOKENS } from '../src/shared/extract-tokens';
import { fixtureTokens } from './batch-500';
import { batchTokens, launchChromium, measureRound, type RoundFigures } from './batch-500-browser';
import { startFixtureRewriter } from './lib/fixture-rewriter';
import type { ChildServer } from './lib/processes';
import { median as middle } from './lib/stats';
import { startProxy, startStandaloneSimulator } from './targets';

// The batch view of several builds side by side (bench/batch-500-browser.ts's round: 500 tokens,
// click to "Done", frames and long tasks): one simulator, one stand-in for Plaid, one built server
// per checkout and one Chromium, and each round runs every build once, in turn, the order rotated
// from round to round. On the shared 2-core machine, figures taken minutes apart say little; taken
// in the same minutes, the builds meet the same contention. Besides the view's figures, each round
// reads what the page's main thread spent in CPU time, which other processes on the cores change
// far less than elapsed times, and how many table rows left the page (moved or replaced) as
// answers arrived (bench/batch-500-browser.ts, RoundCost). Build each checkout first.
// --profile DIR writes each measured round's CPU profile and trace there (DevTools opens both).
//
//   npx tsx bench/compare-batch-view.ts --build before=/path/to/checkout --build after=. [--rounds 5]

const { values } = parseArgs({
  options: {
    build: { type: 'string', multiple: true, default: [] },
    rounds: { type: 'string', default: '5' },
    profile: { type: 'string' },
  },
});
const builds = values.build.map((spec) => {
  const [name, dir] = spec.includes('=') ? (spec.split('=', 2) as [string, string]) : [spec, spec];
  return { name, dir: resolve(dir) };
});
if (builds.length === 0) {
  console.error(
    'Usage: npx tsx bench/compare-batch-view.ts --build NAME=DIR ... [--rounds N] [--profile DIR]',
  );
  process.exit(1);
}
if (values.profile) mkdirSync(values.profile, { recursive: true });

const line = (figures: RoundFigures) =>
  `${(figures.elapsedMs / 1000).toFixed(2)} s, frames ${figures.frames} (p95 ${figures.p95FrameMs.toFixed(0)} ms, ` +
  `max ${figures.maxFrameMs.toFixed(0)} ms), long tasks ${figures.longTasks} (${figures.totalBlockingMs.toFixed(0)} ms blocking); ` +
  `main thread CPU ${figures.cost!.taskMs.toFixed(0)} ms (script ${figures.cost!.scriptMs.toFixed(0)} ms, ` +
  `style and layout ${figures.cost!.styleAndLayoutMs.toFixed(0)} ms), rows removed ${figures.cost!.rowsRemoved}`;

const { tokens, fixtureOf } = batchTokens(fixtureTokens(), MAX_BATCH_TOKENS);
const simulator = await startStandaloneSimulator();
const plaid = await startFixtureRewriter(simulator.url, fixtureOf);
const servers: ChildServer[] = [];
const browser = await launchChromium();
try {
  for (const build of builds) servers.push(await startProxy(plaid.url, { LOG_LEVEL: 'warn' }, [], build.dir));
  // Warm-up: each server's caches and JIT, the browser.
  for (const server of servers) await measureRound(browser, server.url, tokens);
  const rounds = builds.map((): RoundFigures[] => []);
  for (let round = 0; round < Number(values.rounds); round += 1) {
    for (let turn = 0; turn < builds.length; turn += 1) {
      const which = (round + turn) % builds.length;
      const name = builds[which]!.name;
      const profile = values.profile
        ? {
            cpuProfile: join(values.profile, `${name}-${round + 1}.cpuprofile`),
            trace: join(values.profile, `${name}-${round + 1}.trace.json`),
          }
        : undefined;
      const figures = await measureRound(browser, servers[which]!.url, tokens, { profile, cost: true });
      rounds[which]!.push(figures);
      console.log(`round ${round + 1}, ${name}: ${line(figures)}`);
    }
  }
  // Each measure's median over the rounds, on its own.
  for (const [which, build] of builds.entries()) {
    const median = (pick: (figures: RoundFigures) => number) => middle(rounds[which]!.map(pick));
    console.log(
      `median ${build.name}: ${(median((f) => f.elapsedMs) / 1000).toFixed(2)} s, ` +
        `p95 frame ${median((f) => f.p95FrameMs).toFixed(0)} ms, max frame ${median((f) => f.maxFrameMs).toFixed(0)} ms, ` +
        `long tasks ${median((f) => f.longTasks)}, blocking ${median((f) => f.totalBlockingMs).toFixed(0)} ms; ` +
        `main thread CPU ${median((f) => f.cost!.taskMs).toFixed(0)} ms, script ${median((f) => f.cost!.scriptMs).toFixed(0)} ms, ` +
        `style and layout ${median((f) => f.cost!.styleAndLayoutMs).toFixed(0)} ms, ` +
        `rows removed ${median((f) => f.cost!.rowsRemoved)}`,
    );
  }
} finally {
  await browser.close();
  for (const server of servers) await server.stop();
  await plaid.stop();
  await simulator.stop();
}
