import { existsSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { startFixtureRewriter } from './lib/fixture-rewriter';
import { median } from './lib/stats';
import { startProxy, startStandaloneSimulator } from './targets';

// The batch view itself, in Chromium, with 500 tokens: from the click on "Look up 500 tokens" to
// "Done", with the built server in simulator mode and its rate limit lifted, at the view's own
// concurrency (4). Measures what the user waits for and whether the page stays smooth while 500
// answers stream in and the breakdown counts them: every frame's duration and every long task.
//
// The batch view keeps each token once, and the simulator knows only its few dozen fixtures, so
// each of 500 distinct tokens stands for a fixture: between our server and the simulator, a
// stand-in for Plaid (lib/fixture-rewriter.ts) asks the simulator with the fixture's token and
// writes the distinct token into the answer. The browser, our server and their connection are the
// real path. (Rewriting in the browser, through Playwright's request interception, put a round
// trip to the test process on every lookup and measured that instead: 7.5 s for 500.)

export type BrowserBatchFigures = {
  tokens: number;
  // Click to the "Done" line painted.
  elapsedMs: number;
  frames: number;
  medianFrameMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
  // Tasks over 50 ms (Chromium's Long Tasks API) and their time beyond 50 ms each.
  longTasks: number;
  totalBlockingMs: number;
  // How many different "Pending" counts the breakdown showed on the way: it updates as it runs.
  breakdownUpdates: number;
};

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => !!path && existsSync(path),
);

function distinctToken(index: number): string {
  return `link-sandbox-${index.toString(16).padStart(8, '0')}-5000-4000-8000-000000000000`;
}

// Clicks "Look up", then records frames, long tasks and the breakdown's Pending count until the
// "Done" line has been painted.
function runAndWatch(page: Page): Promise<Omit<BrowserBatchFigures, 'tokens'>> {
  return page.evaluate(
    () =>
      new Promise<Omit<BrowserBatchFigures, 'tokens'>>((resolve) => {
        const longTasks: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longTasks.push(entry.duration);
        });
        observer.observe({ type: 'longtask' });
        const frames: number[] = [];
        const pendingCounts = new Set<string>();
        const button = [...document.querySelectorAll('button')].find((candidate) =>
          /^Look up \d+ tokens$/.test(candidate.textContent ?? ''),
        );
        if (!button) throw new Error('No "Look up" button');
        const clickedAt = performance.now();
        let last = clickedAt;
        const frame = () => {
          const now = performance.now();
          frames.push(now - last);
          last = now;
          const pending = [...document.querySelectorAll('button[aria-pressed]')].find((candidate) =>
            candidate.textContent?.startsWith('Pending'),
          );
          if (pending) pendingCounts.add(pending.textContent ?? '');
          const done = [...document.querySelectorAll('[role="status"]')].some((status) =>
            status.textContent?.startsWith('Done:'),
          );
          if (!done) {
            requestAnimationFrame(frame);
            return;
          }
          observer.disconnect();
          const sorted = frames.slice(1).sort((a, b) => a - b);
          const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
          resolve({
            elapsedMs: now - clickedAt,
            frames: sorted.length,
            medianFrameMs: at(50),
            p95FrameMs: at(95),
            maxFrameMs: sorted.at(-1) ?? 0,
            longTasks: longTasks.length,
            totalBlockingMs: longTasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0),
            breakdownUpdates: pendingCounts.size,
          });
        };
        button.click();
        requestAnimationFrame(frame);
      }),
  );
}

// The page's main thread in Chromium's terms, for finding where a round's time goes: a V8 CPU
// profile (.cpuprofile, opens in DevTools' Performance panel) and a trace of the renderer's work
// (style, layout, paint; opens in the same panel or in ui.perfetto.dev).
export type RoundProfile = { cpuProfile: string; trace: string };

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];

// Builds the batch of `count` distinct tokens, each standing for one of the fixtures.
export function batchTokens(
  fixtures: readonly string[],
  count: number,
): { tokens: string[]; fixtureOf: (token: string) => string | undefined } {
  const tokens = Array.from({ length: count }, (_, index) => distinctToken(index));
  const fixtureOf = new Map(tokens.map((token, index) => [token, fixtures[index % fixtures.length]!]));
  return { tokens, fixtureOf: (token) => fixtureOf.get(token) };
}

// What a round cost the page's main thread, for comparing builds (bench/compare-batch-view.ts):
// times in CPU time of that thread (Chromium's threadTicks), so little changed by other processes
// waiting for the same cores, unlike the figures above; and how many table rows left the page
// (each row moved, replaced or answered out of a row group counts once each time).
export type RoundCost = { taskMs: number; scriptMs: number; styleAndLayoutMs: number; rowsRemoved: number };

export type RoundFigures = Omit<BrowserBatchFigures, 'tokens'> & { cost?: RoundCost };

async function metrics(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return new Map(list.map(({ name, value }) => [name, value]));
}

// One round in a new page of `browser` against the server at `serverUrl`. With `profile`, writes
// the round's CPU profile and trace there; with `cost`, adds the round's cost.
export async function measureRound(
  browser: Browser,
  serverUrl: string,
  tokens: readonly string[],
  options: { profile?: RoundProfile; cost?: boolean } = {},
): Promise<RoundFigures> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    // tsx compiles the functions handed to page.evaluate with esbuild's keepNames, which calls a
    // __name helper that exists only in Node; give the page a no-op one.
    await page.addInitScript('window.__name = (fn) => fn;');
    await page.goto(serverUrl);
    await page.getByRole('tab', { name: 'Batch' }).click();
    await page.getByLabel(/Tokens, or any text/).fill(tokens.join('\n'));
    await page.getByRole('button', { name: `Look up ${tokens.length} tokens` }).waitFor();
    const { profile, cost } = options;
    if (!profile && !cost) return await runAndWatch(page);
    const cdp = await page.context().newCDPSession(page);
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      await cdp.send('Profiler.start');
    }
    if (cost) {
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      await page.evaluate(() => {
        const counter = { removed: 0 };
        (window as unknown as { rowsRemoved: typeof counter }).rowsRemoved = counter;
        new MutationObserver((records) => {
          for (const record of records)
            for (const node of record.removedNodes)
              if (node instanceof HTMLTableRowElement) counter.removed += 1;
        }).observe(document.body, { childList: true, subtree: true });
      });
    }
    const before = cost ? await metrics(cdp) : null;
    const figures = await runAndWatch(page);
    const after = cost ? await metrics(cdp) : null;
    if (profile) {
      const { profile: cpuProfile } = await cdp.send('Profiler.stop');
      writeFileSync(profile.trace, await browser.stopTracing());
      writeFileSync(profile.cpuProfile, JSON.stringify(cpuProfile));
    }
    if (!before || !after) return figures;
    const spent = (...names: string[]) =>
      names.reduce((sum, name) => sum + ((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000, 0);
    const rowsRemoved = await page.evaluate(
      () => (window as unknown as { rowsRemoved: { removed: number } }).rowsRemoved.removed,
    );
    return {
      ...figures,
      cost: {
        taskMs: spent('TaskDuration'),
        scriptMs: spent('ScriptDuration'),
        styleAndLayoutMs: spent('RecalcStyleDuration', 'LayoutDuration'),
        rowsRemoved,
      },
    };
  } finally {
    await page.close();
  }
}

export function launchChromium(): Promise<Browser> {
  if (!CHROMIUM)
    throw new Error('No Chromium found: set CHROMIUM_PATH or install Debian’s chromium package.');
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
}

export async function measureBatchInBrowser(options: {
  fixtures: readonly string[];
  tokens: number;
  rounds: number;
}): Promise<BrowserBatchFigures> {
  if (!existsSync('dist/client/index.html') || !existsSync('dist/server/main.js')) {
    throw new Error('No build found: run `npm run build` first.');
  }
  const { tokens, fixtureOf } = batchTokens(options.fixtures, options.tokens);
  const simulator = await startStandaloneSimulator();
  const plaid = await startFixtureRewriter(simulator.url, fixtureOf);
  // Our built server as an operator runs it against Plaid (server-held credentials), limit lifted.
  const server = await startProxy(plaid.url, { LOG_LEVEL: 'warn' });
  const browser = await launchChromium();
  try {
    const rounds: Omit<BrowserBatchFigures, 'tokens'>[] = [];
    // The first round warms up the server, the simulator's caches and the browser.
    for (let round = 0; round <= options.rounds; round += 1) {
      const figures = await measureRound(browser, server.url, tokens);
      if (round > 0) rounds.push(figures);
    }
    return { tokens: tokens.length, ...medianRound(rounds) };
  } finally {
    await browser.close();
    await server.stop();
    await plaid.stop();
    await simulator.stop();
  }
}

// The median round by elapsed time, whole.
function medianRound(
  rounds: readonly Omit<BrowserBatchFigures, 'tokens'>[],
): Omit<BrowserBatchFigures, 'tokens'> {
  const byElapsed = [...rounds].sort((a, b) => a.elapsedMs - b.elapsedMs);
  const middle = byElapsed[Math.floor(byElapsed.length / 2)]!;
  return { ...middle, elapsedMs: median(rounds.map((r) => r.elapsedMs)) };
}
