import { pathToFileURL } from 'node:url';
import { batchLookup } from '../src/client/features/batch/lib/batch-lookup';
import { MAX_BATCH_TOKENS } from '../src/shared/extract-tokens';
import { DEFAULT_CONCURRENCY, runBatch, type BatchSummary } from '../src/client/features/batch/lib/run-batch';
import { listScenarioTokens } from '../src/simulator';
import { table, type Section } from './lib/report';
import { formatMs, percentile } from './lib/stats';
import { startProxy, startStandaloneSimulator } from './targets';

// A full batch of 500 tokens, run by the browser's own runner module (same pool, same lookup
// function, same parsing) against our built server in front of the simulator, each in a process
// of its own. Answers how long an operator waits for the largest batch the UI accepts.
//
//   npm run build && npx tsx bench/batch-500.ts

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

export type BatchBenchOptions = { tokens?: number; concurrencyLevels?: readonly number[] };

// The goal: the largest batch finishes well within a coffee-free wait at the default pool size.
const ELAPSED_GOAL_MS = 30_000;

// Every simulator fixture that answers normally; the fault tokens would measure the faults.
function fixtureTokens(): string[] {
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

export async function runBatchBench(options: BatchBenchOptions = {}): Promise<BatchBenchFigures[]> {
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

// The figures as a section of bench/RESULTS.md.
export function batchBenchSection(figures: readonly BatchBenchFigures[]): Section {
  const atDefault = figures.find((figure) => figure.concurrency === DEFAULT_CONCURRENCY);
  const markdown = [
    `${figures[0]?.tokens ?? 0} lookups of simulator fixture tokens through the batch runner ` +
      '(src/client/features/batch/run-batch.ts) in Node, against the built server (`node dist/server/main.js`) ' +
      'in front of the simulator, each in its own process.',
    '',
    table(
      ['concurrency', 'elapsed', 'tokens/s', 'lookup p50', 'lookup p95', 'errors', 'rate-limit waits'],
      figures.map((figure) => [
        String(figure.concurrency),
        `${(figure.elapsedMs / 1000).toFixed(2)} s`,
        figure.tokensPerSecond.toFixed(0),
        formatMs(figure.lookupP50Ms),
        formatMs(figure.lookupP95Ms),
        String(figure.errors),
        String(figure.rateLimitedWaits),
      ]),
    ),
  ].join('\n');
  return {
    title: 'Batch lookup (500 tokens)',
    markdown,
    goals: atDefault
      ? [
          {
            name: `500-token batch at concurrency ${DEFAULT_CONCURRENCY} under ${ELAPSED_GOAL_MS / 1000} s, no errors`,
            met: atDefault.elapsedMs < ELAPSED_GOAL_MS && atDefault.errors === 0,
            detail: `${(atDefault.elapsedMs / 1000).toFixed(2)} s, ${atDefault.errors} errors`,
          },
        ]
      : [],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await runBatchBench();
  for (const figure of figures) {
    console.log(
      `concurrency ${figure.concurrency}: ${figure.tokens} tokens in ${(figure.elapsedMs / 1000).toFixed(2)} s ` +
        `(${figure.tokensPerSecond.toFixed(0)} tokens/s), lookup p50 ${formatMs(figure.lookupP50Ms)}, ` +
        `p95 ${formatMs(figure.lookupP95Ms)}, ${figure.errors} errors, ${figure.rateLimitedWaits} rate-limit waits`,
    );
  }
}
