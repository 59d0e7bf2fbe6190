import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Context } from 'hono';
import pino from 'pino';
import { scenarioToken, SIMULATOR_CLIENT_ID, SIMULATOR_SECRET, startSimulator } from '../src/simulator';
import type * as KeptBeside from '../src/server/routes/kept-beside';
import type * as StoreModule from '../src/server/store/store';
import { median } from './lib/stats';

// The store's own CPU on a lookup's response path, for two checkouts side by side in one process:
// startKeptLookup() as a lookup starts and besidePlaid() when Plaid answers (the store's read, the
// kept sessions Plaid lacks, the answer's hash, keep(), the `kept` field), against a PGlite store
// of each checkout's that already holds the token, as on every repeated lookup. Plaid's answers are
// the simulator's, each lookup's with a new request_id. Whole-server figures (compare-builds.ts) swing
// by more than this path costs on the shared machine; the CPU time of this path alone, the builds
// taking turns, does not. Microseconds of CPU per lookup, medians over rounds.
//
//   npx tsx bench/compare-store-path.ts --before /path/to/other/checkout [--after .] [--rounds 9]
//     [--lookups 5000]

const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    after: { type: 'string', default: '.' },
    rounds: { type: 'string', default: '9' },
    lookups: { type: 'string', default: '5000' },
  },
});
if (!values.before) {
  console.error('Usage: npx tsx bench/compare-store-path.ts --before DIR [--after DIR] [--rounds N]');
  process.exit(1);
}

// The `fresh` token (no sessions), one with several sessions, and a large one.
const SCENARIOS = ['fresh', 'several-sessions', 'large'] as const;
// Answers differ by request_id only: enough of them that no two lookups in a row see the same bytes.
const VARIANTS = 16;

async function plaidAnswers(): Promise<Map<string, Uint8Array<ArrayBuffer>[]>> {
  const startedAt = new Date();
  const simulator = await startSimulator({ port: 0, host: '127.0.0.1', now: () => startedAt });
  try {
    const answers = new Map<string, Uint8Array<ArrayBuffer>[]>();
    for (const scenario of SCENARIOS) {
      const response = await fetch(`${simulator.url}/link/token/get`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          client_id: SIMULATOR_CLIENT_ID,
          secret: SIMULATOR_SECRET,
          link_token: scenarioToken(scenario),
        }),
      });
      const answer = (await response.json()) as { request_id: string };
      answers.set(
        scenario,
        Array.from({ length: VARIANTS }, (_, index) =>
          new TextEncoder().encode(JSON.stringify({ ...answer, request_id: `bench-${index}` })),
        ),
      );
    }
    return answers;
  } finally {
    await simulator.close();
  }
}

type Checkout = {
  name: string;
  keptBeside: typeof KeptBeside;
  store: StoreModule.Store;
  dataDir: string;
};

async function openCheckout(name: string, dir: string): Promise<Checkout> {
  const keptBeside = (await import(
    join(resolve(dir), 'src/server/routes/kept-beside.ts')
  )) as typeof KeptBeside;
  const storeModule = (await import(join(resolve(dir), 'src/server/store/store.ts'))) as typeof StoreModule;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-store-path-'));
  const store = await storeModule.openStore(
    { location: { dataDir }, retentionDays: 30 },
    pino({ level: 'silent' }),
  );
  return { name, keptBeside, store, dataDir };
}

// What besidePlaid() reads of the request's context.
const context = { get: () => 'bench' } as unknown as Context;

async function lookups(
  checkout: Checkout,
  scenario: string,
  bodies: Uint8Array<ArrayBuffer>[],
  count: number,
) {
  const lookup = { linkToken: scenarioToken(scenario), environment: 'sandbox' as const };
  const before = process.cpuUsage();
  for (let index = 0; index < count; index++) {
    const kept = checkout.keptBeside.startKeptLookup(checkout.store, undefined, lookup);
    // Plaid's answer arrives a turn later at the earliest.
    await new Promise(setImmediate);
    await kept.besidePlaid(context, {
      ok: true,
      status: 200,
      body: bodies[index % bodies.length]!,
      retryAfter: null,
      plaidRequestId: undefined,
    });
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / count;
}

const answers = await plaidAnswers();
const checkouts = [await openCheckout('before', values.before), await openCheckout('after', values.after)];
// The same loop with no store: what the harness itself costs, taken off the figures.
const bare = { ...checkouts[1]!, name: 'no store', store: undefined as unknown as StoreModule.Store };
try {
  for (const checkout of checkouts) {
    for (const scenario of SCENARIOS) {
      // Kept once, then unchanged on every lookup (and remembered by the lookup cache).
      await lookups(checkout, scenario, answers.get(scenario)!, 50);
      await checkout.store.idle();
    }
  }
  const rows: string[] = [];
  for (const scenario of SCENARIOS) {
    const bodies = answers.get(scenario)!;
    const samples = new Map<string, number[]>();
    // The large answer (a megabyte) is looked up a 250th as often.
    const count = Math.max(10, Math.round(Number(values.lookups) / (scenario === 'large' ? 250 : 1)));
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const checkout of [bare, ...checkouts]) {
        const us = await lookups(checkout, scenario, bodies, count);
        samples.set(checkout.name, [...(samples.get(checkout.name) ?? []), us]);
      }
    }
    const floor = median(samples.get('no store')!);
    const [before, after] = checkouts.map((checkout) => median(samples.get(checkout.name)!) - floor) as [
      number,
      number,
    ];
    rows.push(
      `| ${scenario} (${bodies[0]!.byteLength} bytes) | ${before.toFixed(1)} | ${after.toFixed(1)} | ` +
        `${(((after - before) / before) * 100).toFixed(0)} % | ${floor.toFixed(1)} |`,
    );
  }
  console.log('| answer | before µs CPU/lookup | after | change | harness alone |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
} finally {
  for (const checkout of checkouts) {
    await checkout.store.close();
    rmSync(checkout.dataDir, { recursive: true, force: true });
  }
}
