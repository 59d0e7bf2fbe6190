import { pathToFileURL } from 'node:url';
import { batchLookup } from '../src/client/features/batch/lib/batch-lookup';
import { MAX_BATCH_TOKENS } from '../src/shared/extract-tokens';
import { DEFAULT_CONCURRENCY, runBatch, type BatchSummary } from '../src/client/features/batch/lib/run-batch';
import { listScenarioTokens } from '../src/simulator';
import { measureBatchInBrowser, type BrowserBatchFigures } from './batch-500-browser';
import { table, type Section } from './lib/report';
import { formatMs, percentile } from './lib/stats';
import { startProxy, startStandaloneSimulator } from './targets';

// A full batch of 500 tokens, with the server's rate limit lifted. Twice: run by the browser's own
// runner module in Node (same pool, same lookup function, same parsing) against our built server
// in front of the simulator, each in a process of its own, at several pool sizes; then in the
// batch view itself in Chromium (batch-500-browser.ts), where the table and the breakdown update
// as answers arrive. Answers how long an operator waits for the largest batch the UI accepts, and
// whether the page stays smooth meanwhile.
//
//   npm run build && npx tsx bench/batch-500.ts
//   npm run bench -- --only batch            (the same, as part of the benchmark runner)

export type BatchBenchFigures = {
  concurrency: number;
  tokens: number;
  elapsedMs: number;
  tokensPerSecond: number;
  // Time of each lookup as the runner saw it (request, proxy, simulator, parsing).
  lookupP50Ms: number;
  lookupP95Ms: number;
  errors: number;
  rateLimitedWaits: number;
};

export type BatchBenchOptions = {
  tokens?: number;
  concurrencyLevels?: readonly number[];
  // Rounds of the batch in Chromium (after one warm-up); 0 leaves the browser out.
  browserRounds?: number;
};

export type BatchBenchResult = { runner: BatchBenchFigures[]; browser: BrowserBatchFigures | null };

// The goals (issue 16): the largest batch done within 2 s at the default pool size, with the
// limit lifted, in Node and in the browser; and the page smooth meanwhile: 95% of frames within
// two at 60 Hz, none long enough to feel stuck.
const ELAPSED_GOAL_MS = 2_000;
const P95_FRAME_GOAL_MS = 34;
const MAX_FRAME_GOAL_MS = 100;

// Every simulator fixture that answers normally; the fault tokens would measure the faults.
export function fixtureTokens(): string[] {
  return listScenarioTokens()
    .filter((token) => !token.scenario.startsWith('fault-') && token.scenario !== 'unknown')
    .map((token) => token.link_token);
}

// The runner calls the same relative URL the browser does; in Node that URL needs the server's
// base, and the Origin header a browser would add (the server refuses cross-origin calls).
async function withServerFetch<T>(baseUrl: string, run: () => Promise<T>): Promise<T> {
  const nodeFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Origin', baseUrl);
    return nodeFetch(new URL(String(input), baseUrl), { ...init, headers });
  };
  try {
    return await run();
  } finally {
    globalThis.fetch = nodeFetch;
  }
}

async function timeBatch(tokens: string[], concurrency: number): Promise<BatchBenchFigures> {
  const durations: number[] = [];
  const lookup = batchLookup(null);
  const started = performance.now();
  const summary: BatchSummary = await runBatch({
    tokens,
    concurrency,
    signal: new AbortController().signal,
    lookup: async (token, signal) => {
      const start = performance.now();
      try {
        return await lookup(token, signal);
      } finally {
        durations.push(performance.now() - start);
      }
    },
  });
  const elapsedMs = performance.now() - started;
  return {
    concurrency,
    tokens: tokens.length,
    elapsedMs,
    tokensPerSecond: (tokens.length / elapsedMs) * 1000,
    lookupP50Ms: percentile(durations, 50),
    lookupP95Ms: percentile(durations, 95),
    errors: summary.errors,
    rateLimitedWaits: summary.rateLimitedWaits,
  };
}

export async function runBatchBench(options: BatchBenchOptions = {}): Promise<BatchBenchResult> {
  const runner = await runRunnerBench(options);
  const rounds = options.browserRounds ?? 3;
  const browser =
    rounds > 0
      ? await measureBatchInBrowser({
          fixtures: fixtureTokens(),
          tokens: options.tokens ?? MAX_BATCH_TOKENS,
          rounds,
        })
      : null;
  return { runner, browser };
}

async function runRunnerBench(options: BatchBenchOptions): Promise<BatchBenchFigures[]> {
  const count = options.tokens ?? MAX_BATCH_TOKENS;
  const concurrencyLevels = options.concurrencyLevels ?? [1, DEFAULT_CONCURRENCY, 8];
  const fixtures = fixtureTokens();
  const tokens = Array.from({ length: count }, (_, index) => fixtures[index % fixtures.length]!);

  const simulator = await startStandaloneSimulator();
  try {
    // The server's per-user rate limit (RATE_LIMIT_PER_MINUTE, 120 by default) would turn this into
    // a measure of that limit; it is lifted so the figures show the runner, the proxy and the simulator.
    const proxy = await startProxy(simulator.url, { RATE_LIMIT_PER_MINUTE: '1000000' });
    try {
      return await withServerFetch(proxy.url, async () => {
        // One small warm-up batch, so the first figure does not include JIT and connection set-up.
        await timeBatch(tokens.slice(0, 20), DEFAULT_CONCURRENCY);
        const figures: BatchBenchFigures[] = [];
        for (const concurrency of concurrencyLevels) figures.push(await timeBatch(tokens, concurrency));
        return figures;
      });
    } finally {
      await proxy.stop();
    }
  } finally {
    await simulator.stop();
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

// The figures as a section of bench/RESULTS.md.
export function batchBenchSection({ runner, browser }: BatchBenchResult): Section {
  const atDefault = runner.find((figure) => figure.concurrency === DEFAULT_CONCURRENCY);
  const markdown = [
    `${runner[0]?.tokens ?? 0} lookups of simulator fixture tokens through the batch runner ` +
      '(src/client/features/batch/lib/run-batch.ts) in Node, against the built server (`node dist/server/main.js`) ' +
      'in front of the simulator, each in its own process; the server’s rate limit lifted.',
    '',
    table(
      ['concurrency', 'elapsed', 'tokens/s', 'lookup p50', 'lookup p95', 'errors', 'rate-limit waits'],
      runner.map((figure) => [
        String(figure.concurrency),
        seconds(figure.elapsedMs),
        figure.tokensPerSecond.toFixed(0),
        formatMs(figure.lookupP50Ms),
        formatMs(figure.lookupP95Ms),
        String(figure.errors),
        String(figure.rateLimitedWaits),
      ]),
    ),
    ...(browser
      ? [
          '',
          `The same ${browser.tokens} tokens in the batch view in Chromium (headless, 1280×800, concurrency ` +
            `${DEFAULT_CONCURRENCY}), built server in front of the simulator, limit lifted; each of ${browser.tokens} distinct ` +
            'tokens stands for a fixture, swapped in between our server and the simulator (bench/batch-500-browser.ts). ' +
            'Median of the rounds after a warm-up.',
          '',
          table(
            ['measure', 'value'],
            [
              ['click "Look up" → "Done" painted', seconds(browser.elapsedMs)],
              [
                'frames meanwhile: count, median / p95 / max',
                `${browser.frames}, ${browser.medianFrameMs.toFixed(0)} ms / ${browser.p95FrameMs.toFixed(0)} ms / ${browser.maxFrameMs.toFixed(0)} ms`,
              ],
              [
                'long tasks (> 50 ms), total blocking time',
                `${browser.longTasks}, ${browser.totalBlockingMs.toFixed(0)} ms`,
              ],
              ['breakdown updates seen (distinct Pending counts)', String(browser.breakdownUpdates)],
            ],
          ),
        ]
      : []),
  ].join('\n');
  const goals = [];
  if (atDefault) {
    goals.push({
      name: `500-token batch at concurrency ${DEFAULT_CONCURRENCY} within ${seconds(ELAPSED_GOAL_MS)} (runner), no errors`,
      met: atDefault.elapsedMs <= ELAPSED_GOAL_MS && atDefault.errors === 0,
      detail: `${seconds(atDefault.elapsedMs)}, ${atDefault.errors} errors`,
    });
  }
  if (browser) {
    goals.push(
      {
        name: `500-token batch in the batch view within ${seconds(ELAPSED_GOAL_MS)}`,
        met: browser.elapsedMs <= ELAPSED_GOAL_MS,
        detail: seconds(browser.elapsedMs),
      },
      {
        name: `no jank meanwhile: p95 frame < ${P95_FRAME_GOAL_MS} ms, max < ${MAX_FRAME_GOAL_MS} ms`,
        met: browser.p95FrameMs < P95_FRAME_GOAL_MS && browser.maxFrameMs < MAX_FRAME_GOAL_MS,
        detail: `p95 ${browser.p95FrameMs.toFixed(0)} ms, max ${browser.maxFrameMs.toFixed(0)} ms`,
      },
    );
  }
  return { title: 'Batch lookup (500 tokens)', markdown, goals };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { runner, browser } = await runBatchBench();
  for (const figure of runner) {
    console.log(
      `concurrency ${figure.concurrency}: ${figure.tokens} tokens in ${(figure.elapsedMs / 1000).toFixed(2)} s ` +
        `(${figure.tokensPerSecond.toFixed(0)} tokens/s), lookup p50 ${formatMs(figure.lookupP50Ms)}, ` +
        `p95 ${formatMs(figure.lookupP95Ms)}, ${figure.errors} errors, ${figure.rateLimitedWaits} rate-limit waits`,
    );
  }
  if (browser) console.log(`in the batch view: ${JSON.stringify(browser)}`);
}
