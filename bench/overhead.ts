import { setTimeout as sleep } from 'node:timers/promises';
import { startTestRedis } from '../src/server/testing/redis-server';
import { runLoad, summarise, type LoadRequest, type LoadResult, type LoadRun } from './lib/load';
import { runPacedLoad } from './lib/paced-load';
import { table, type Section } from './lib/report';
import { formatMs } from './lib/stats';
import { plaidLookup, proxyLookup, startBaseline, startProxy, startStandaloneSimulator } from './targets';

// Proxy overhead: the same lookup sent (a) straight to the simulator, (b) through our proxy
// counting its rate limit in memory, (c) through our proxy counting it in Redis (REDIS_URL, a
// redis-server of the benchmark's own on loopback) and (d) through the naive express + plaid SDK
// baseline. The machine is noisy (2 cores, shared), so the four are measured side by side in one
// run, in short rounds that alternate between targets; each figure pools all rounds of one target,
// so a burst of noise hits all of them alike.

export type OverheadOptions = {
  // A fixture token whose answer is an ordinary, successful lookup.
  linkToken: string;
  concurrencyLevels: readonly number[];
  fixedRate: number;
  rounds: number;
  secondsPerRound: number;
};

type Target = { name: string; baseUrl: string; request: LoadRequest };

const ADDED_P50_BUDGET_MS = 2;
const ADDED_P99_BUDGET_MS = 5;
const THROUGHPUT_RATIO_GOAL = 2;

async function interleaved(
  targets: readonly Target[],
  rounds: number,
  load: (target: Target) => Promise<LoadRun>,
): Promise<LoadResult[]> {
  const runs: LoadRun[][] = targets.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [index, target] of targets.entries()) runs[index]!.push(await load(target));
  }
  return runs.map(summarise);
}

// As many requests as `connections` keep-alive connections can send, one at a time each.
function closedLoop(connections: number, durationSeconds: number) {
  return (target: Target) =>
    runLoad({ baseUrl: target.baseUrl, requests: [target.request], connections, durationSeconds });
}

function paced(requestsPerSecond: number, durationSeconds: number) {
  return (target: Target) =>
    runPacedLoad({ baseUrl: target.baseUrl, request: target.request, requestsPerSecond, durationSeconds });
}

function row(target: string, load: string, result: LoadResult): string[] {
  return [
    target,
    load,
    result.requestsPerSecond.toFixed(0),
    formatMs(result.p50),
    formatMs(result.p99),
    result.failed === 0 ? '0' : `**${result.failed}** ${JSON.stringify(result.statusCounts)}`,
  ];
}

// Without this check a proxy that fell back to memory would be measured as the Redis one.
async function untilCountingInRedis(proxyUrl: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const readiness = (await (await fetch(`${proxyUrl}/readyz`)).json()) as { limits?: string };
    if (readiness.limits === 'redis') return;
    await sleep(100);
  }
  throw new Error('the proxy started with REDIS_URL did not count in Redis within 10 s (see /readyz)');
}

export async function runOverheadBench(options: OverheadOptions): Promise<Section> {
  const redis = await startTestRedis();
  const simulator = await startStandaloneSimulator();
  const proxy = await startProxy(simulator.url);
  const proxyWithRedis = await startProxy(simulator.url, { REDIS_URL: redis.url });
  const baseline = await startBaseline(simulator.url);
  try {
    await untilCountingInRedis(proxyWithRedis.url);
    const [direct, ours, oursWithRedis, naive] = [
      { name: 'simulator (direct)', baseUrl: simulator.url, request: plaidLookup(options.linkToken) },
      { name: 'our proxy', baseUrl: proxy.url, request: proxyLookup(options.linkToken, proxy.url) },
      {
        name: 'our proxy, REDIS_URL set',
        baseUrl: proxyWithRedis.url,
        request: proxyLookup(options.linkToken, proxyWithRedis.url),
      },
      {
        name: 'baseline (express + plaid SDK)',
        baseUrl: baseline.url,
        request: proxyLookup(options.linkToken, baseline.url),
      },
    ];
    const targets = [direct, ours, oursWithRedis, naive];
    // Warm-up: JIT, connection pools and caches, not measured.
    await interleaved(targets, 1, closedLoop(10, 2));

    const rows: string[][] = [];
    const peak = targets.map(() => 0);
    for (const connections of options.concurrencyLevels) {
      const results = await interleaved(
        targets,
        options.rounds,
        closedLoop(connections, options.secondsPerRound),
      );
      for (const [index, result] of results.entries()) {
        rows.push(row(targets[index]!.name, `${connections} connections`, result));
        peak[index] = Math.max(peak[index]!, result.requestsPerSecond);
      }
    }
    const atRate = await interleaved(
      targets,
      options.rounds,
      paced(options.fixedRate, options.secondsPerRound),
    );
    for (const [index, result] of atRate.entries()) {
      rows.push(row(targets[index]!.name, `${options.fixedRate} req/s, evenly spaced`, result));
    }

    const [directAtRate, oursAtRate, redisAtRate] = atRate as [
      LoadResult,
      LoadResult,
      LoadResult,
      LoadResult,
    ];
    const addedP50 = oursAtRate.p50 - directAtRate.p50;
    const addedP99 = oursAtRate.p99 - directAtRate.p99;
    const redisAddedP50 = redisAtRate.p50 - directAtRate.p50;
    const redisAddedP99 = redisAtRate.p99 - directAtRate.p99;
    const [, oursPeak, redisPeak, naivePeak] = peak as [number, number, number, number];
    const ratio = oursPeak / naivePeak;
    const failed = rows.filter((cells) => cells[5] !== '0').length;

    const markdown = [
      `Fixture token \`${options.linkToken}\`. For each load, ${options.rounds} rounds of ${options.secondsPerRound} s ` +
        'alternating between the four targets, pooled per target. "REDIS_URL set": the same proxy counting its ' +
        'per-user rate limit in a redis-server on loopback (one round trip per API request; the benchmark checks ' +
        '`/readyz` says `"limits":"redis"` before measuring), which shares the 2 cores too. "N connections" is autocannon with N ' +
        'keep-alive connections each sending its next request as soon as the last is answered (peak ' +
        `throughput). "${options.fixedRate} req/s" sends one request every ${1000 / options.fixedRate} ms on time ` +
        'whether or not earlier ones are answered (bench/lib/paced-load.ts; autocannon’s own rate option ' +
        'sends each second’s quota in a burst). Latencies are exact percentiles over every response (not ' +
        'autocannon’s whole-millisecond histogram).',
      '',
      table(['target', 'load', 'req/s', 'p50', 'p99', 'failed'], rows),
      '',
      `At ${options.fixedRate} req/s our proxy adds **${formatMs(addedP50)} at p50** and **${formatMs(addedP99)} at p99** ` +
        `over calling the simulator directly; with \`REDIS_URL\` set it adds **${formatMs(redisAddedP50)} at p50** ` +
        `and **${formatMs(redisAddedP99)} at p99**. Peak throughput: our proxy ${oursPeak.toFixed(0)} req/s ` +
        `(${redisPeak.toFixed(0)} req/s with \`REDIS_URL\`), baseline ${naivePeak.toFixed(0)} req/s ` +
        `(**${ratio.toFixed(2)}x**).`,
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
          name: `with REDIS_URL, adds ≤ ${ADDED_P50_BUDGET_MS} ms p50 at ${options.fixedRate} req/s`,
          met: redisAddedP50 <= ADDED_P50_BUDGET_MS,
          detail: `added ${formatMs(redisAddedP50)}`,
        },
        {
          name: `with REDIS_URL, adds ≤ ${ADDED_P99_BUDGET_MS} ms p99 at ${options.fixedRate} req/s`,
          met: redisAddedP99 <= ADDED_P99_BUDGET_MS,
          detail: `added ${formatMs(redisAddedP99)}`,
        },
        {
          name: `≥ ${THROUGHPUT_RATIO_GOAL}x the baseline's peak throughput`,
          met: ratio >= THROUGHPUT_RATIO_GOAL,
          detail: `${ratio.toFixed(2)}x`,
        },
        {
          name: 'every benchmark request answered 2xx',
          met: failed === 0,
          detail: failed === 0 ? 'no failures' : `${failed} loads had failures (see the table)`,
        },
      ],
    };
  } finally {
    await Promise.all([proxy.stop(), proxyWithRedis.stop(), baseline.stop()]);
    await Promise.all([simulator.stop(), redis.stop()]);
  }
}
