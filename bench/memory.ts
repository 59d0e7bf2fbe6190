import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLoad, summarise } from './lib/load';
import { table, type Section } from './lib/report';
import { readPeakRssBytes, readRssBytes, sampleRss } from './lib/rss';
import { formatMb, median } from './lib/stats';
import { proxyLookup, startProxy, startStandaloneSimulator } from './targets';

// Memory: many lookups, a share of them with very large answers, at steady concurrency through
// the built proxy in its own process, whose RSS is sampled from /proc while the load runs. The
// proxy keeps answers in PGlite, whose memory depends on how it starts: it first starts on a new
// DATA_DIR (creating the database, PGlite's initdb: its peak is recorded), is stopped, and starts
// again on that existing directory, as every later start does; the load runs against that one.

export type MemoryOptions = {
  lookups: number;
  connections: number;
  // Sent in this order, round robin: e.g. nine ordinary tokens and one very large one.
  linkTokens: readonly string[];
  sampleEveryMs: number;
};

// Issue 24: with an existing data directory; creating a new one is recorded beside it.
const RSS_LIMIT_BYTES = 500 * 1024 * 1024;
// "No growth" with room for measurement noise: the last quarter's median RSS may exceed the
// second quarter's by at most this fraction.
const GROWTH_TOLERANCE = 0.1;

export async function runMemoryBench(options: MemoryOptions): Promise<Section> {
  const simulator = await startStandaloneSimulator();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-memory-data-'));
  let creatingPeak: number;
  try {
    const creating = await startProxy(simulator.url, { DATA_DIR: dataDir });
    creatingPeak = readPeakRssBytes(creating.pid);
    await creating.stop();
  } catch (error) {
    await simulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const proxy = await startProxy(simulator.url, { DATA_DIR: dataDir });
  try {
    const startRss = readRssBytes(proxy.pid);
    const sampler = sampleRss(proxy.pid, options.sampleEveryMs);
    const run = await runLoad({
      baseUrl: proxy.url,
      requests: options.linkTokens.map((token) => proxyLookup(token, proxy.url)),
      connections: options.connections,
      amount: options.lookups,
    });
    const samples = sampler.stop();
    // Start-up included, which the samples began after.
    const peak = Math.max(readPeakRssBytes(proxy.pid), ...samples);
    const result = summarise([run]);

    const quarter = Math.floor(samples.length / 4);
    const secondQuarter = median(samples.slice(quarter, 2 * quarter));
    const lastQuarter = median(samples.slice(3 * quarter));
    const growth = (lastQuarter - secondQuarter) / secondQuarter;
    const failures = result.failed;

    const markdown = [
      `${options.lookups} lookups over ${options.connections} connections, tokens in rotation: ` +
        [...new Set(options.linkTokens)]
          .map((token) => `${options.linkTokens.filter((sent) => sent === token).length}× \`${token}\``)
          .join(', ') +
        `. RSS of the proxy process read from /proc every ${options.sampleEveryMs} ms (${samples.length} samples); ` +
        'peak RSS: the kernel’s high-water mark (VmHWM), start-up included. The proxy keeps answers in PGlite ' +
        `in an existing DATA_DIR; creating that directory (the server's first start on it) peaked at ${formatMb(creatingPeak)}.`,
      '',
      table(
        [
          'answered',
          'failed',
          'req/s',
          'RSS at start',
          'median RSS 2nd quarter',
          'median RSS last quarter',
          'peak RSS',
          'peak RSS creating DATA_DIR',
        ],
        [
          [
            String(result.answered),
            failures === 0 ? '0' : `**${failures}** ${JSON.stringify(result.statusCounts)}`,
            result.requestsPerSecond.toFixed(0),
            formatMb(startRss),
            formatMb(secondQuarter),
            formatMb(lastQuarter),
            formatMb(peak),
            formatMb(creatingPeak),
          ],
        ],
      ),
    ].join('\n');

    return {
      title: 'Memory',
      markdown,
      goals: [
        {
          name: 'peak RSS < 500 MB, opening an existing DATA_DIR',
          met: peak < RSS_LIMIT_BYTES,
          detail: `peak ${formatMb(peak)} (${formatMb(creatingPeak)} creating a new one)`,
        },
        {
          name: 'no RSS growth from the 2nd to the last quarter',
          met: growth <= GROWTH_TOLERANCE,
          detail: `${(growth * 100).toFixed(1)}% (tolerance ${GROWTH_TOLERANCE * 100}%)`,
        },
        {
          name: `all ${options.lookups} lookups answered 2xx`,
          met: failures === 0 && result.answered === options.lookups,
          detail: `${result.answered} answered, ${failures} failed`,
        },
      ],
    };
  } finally {
    await proxy.stop();
    await simulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
