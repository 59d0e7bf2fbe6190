import { runLoad, type LoadRequest, type LoadResult } from './lib/load';
import { table, type Section } from './lib/report';
import { formatMs } from './lib/stats';
import { plaidLookup, proxyLookup, startBaseline, startProxy, startStandaloneSimulator } from './targets';

// Proxy overhead: the same lookup sent (a) straight to the simulator, (b) through our proxy and
// (c) through the naive express + plaid SDK baseline, side by side in one run, level by level, so
// that the machine's noise hits all three alike.

export type OverheadOptions = {
  // A fixture token whose answer is an ordinary, successful lookup.
  linkToken: string;
  concurrencyLevels: readonly number[];
  secondsPerRun: number;
  fixedRate: number;
  fixedRateSeconds: number;
};

type Target = { name: string; baseUrl: string; request: LoadRequest };

const ADDED_P50_BUDGET_MS = 2;
const ADDED_P99_BUDGET_MS = 5;
const THROUGHPUT_RATIO_GOAL = 2;

function row(target: string, mode: string, result: LoadResult): string[] {
  const failures = result.non2xx + result.errors;
  return [
    target,
    mode,
    result.requestsPerSecond.toFixed(0),
    formatMs(result.p50),
    formatMs(result.p99),
    failures === 0 ? '0' : `**${failures}** ${JSON.stringify(result.statusCounts)}`,
  ];
}

export async function runOverheadBench(options: OverheadOptions): Promise<Section> {
  const simulator = await startStandaloneSimulator();
  const proxy = await startProxy(simulator.url);
  const baseline = await startBaseline(simulator.url);
  try {
    const targets: Target[] = [
      { name: 'simulator (direct)', baseUrl: simulator.url, request: plaidLookup(options.linkToken) },
      { name: 'our proxy', baseUrl: proxy.url, request: proxyLookup(options.linkToken, proxy.url) },
      {
        name: 'baseline (express + plaid SDK)',
        baseUrl: baseline.url,
        request: proxyLookup(options.linkToken, baseline.url),
      },
    ];
    // Warm-up: JIT, connection pools and caches, not measured.
    for (const target of targets) {
      await runLoad({
        baseUrl: target.baseUrl,
        requests: [target.request],
        connections: 10,
        durationSeconds: 2,
      });
    }

    const rows: string[][] = [];
    const peak = new Map<string, number>();
    for (const connections of options.concurrencyLevels) {
      for (const target of targets) {
        const result = await runLoad({
          baseUrl: target.baseUrl,
          requests: [target.request],
          connections,
          durationSeconds: options.secondsPerRun,
        });
        rows.push(row(target.name, `${connections} connections`, result));
        peak.set(target.name, Math.max(peak.get(target.name) ?? 0, result.requestsPerSecond));
      }
    }

    const atRate = new Map<string, LoadResult>();
    for (const target of targets) {
      const result = await runLoad({
        baseUrl: target.baseUrl,
        requests: [target.request],
        connections: 10,
        overallRate: options.fixedRate,
        durationSeconds: options.fixedRateSeconds,
      });
      atRate.set(target.name, result);
      rows.push(row(target.name, `${options.fixedRate} req/s fixed rate`, result));
    }

    const direct = atRate.get(targets[0]!.name)!;
    const ours = atRate.get(targets[1]!.name)!;
    const addedP50 = ours.p50 - direct.p50;
    const addedP99 = ours.p99 - direct.p99;
    const ratio = peak.get(targets[1]!.name)! / peak.get(targets[2]!.name)!;
    const cleanRuns = rows.every((cells) => cells[5] === '0');

    const markdown = [
      `Fixture token \`${options.linkToken}\`; ${options.secondsPerRun} s per concurrency level, ` +
        `${options.fixedRateSeconds} s at ${options.fixedRate} req/s (10 connections). ` +
        'Latencies are exact percentiles over every response (not autocannon’s whole-millisecond histogram).',
      '',
      table(['target', 'load', 'req/s', 'p50', 'p99', 'failed'], rows),
      '',
      `At ${options.fixedRate} req/s our proxy adds **${formatMs(addedP50)} at p50** and **${formatMs(addedP99)} at p99** ` +
        `over calling the simulator directly. Peak throughput: our proxy ${peak.get(targets[1]!.name)!.toFixed(0)} req/s, ` +
        `baseline ${peak.get(targets[2]!.name)!.toFixed(0)} req/s (**${ratio.toFixed(2)}x**).`,
    ].join('\n');

    return {
      title: 'Proxy overhead',
      markdown,
      goals: [
        {
          name: `adds ≤ ${ADDED_P50_BUDGET_MS} ms p50 at ${options.fixedRate} req/s`,
          met: addedP50 <= ADDED_P50_BUDGET_MS,
          detail: `added ${formatMs(addedP50)}`,
        },
        {
          name: `adds ≤ ${ADDED_P99_BUDGET_MS} ms p99 at ${options.fixedRate} req/s`,
          met: addedP99 <= ADDED_P99_BUDGET_MS,
          detail: `added ${formatMs(addedP99)}`,
        },
        {
          name: `≥ ${THROUGHPUT_RATIO_GOAL}x the baseline's peak throughput`,
          met: ratio >= THROUGHPUT_RATIO_GOAL,
          detail: `${ratio.toFixed(2)}x`,
        },
        {
          name: 'every benchmark request answered 2xx',
          met: cleanRuns,
          detail: cleanRuns ? 'no failures' : 'see the failed column',
        },
      ],
    };
  } finally {
    await Promise.all([proxy.stop(), baseline.stop()]);
    await simulator.stop();
  }
}
