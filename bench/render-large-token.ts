import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { scenarioToken } from '../src/simulator';
import { startBuiltServer } from './lib/processes';
import { table, type Section } from './lib/report';
import { median, percentile } from './lib/stats';

// Render time of the status panel for the simulator's "large" token (hundreds of sessions,
// thousands of events), measured in Chromium against the built server, and how smoothly the
// page scrolls afterwards. Needs `npm run build` first.
//
//   npx tsx bench/render-large-token.ts            (prints the figures as JSON)

export type LargeTokenRenderResult = {
  // From the end of the API response to the first frame painted with the panel (median): JSON
  // parsing and schema validation of the ~1 MB answer included, as the user waits for both.
  ms: number;
  // From the click on "Look up" to that frame, network and parsing included (median).
  totalMs: number;
  // From a click on "Show more sessions" to the frame with the next page of cards (median).
  showMoreMs: number;
  rounds: number;
  sessions: number;
  events: number;
  // What the DOM holds once the panel is shown: the cost of keeping the token on screen.
  domNodes: number;
  sessionCardsInDom: number;
  eventRowsInDom: number;
  // Frame times while scrolling the page from top to bottom.
  scroll: {
    frames: number;
    medianFrameMs: number;
    p95FrameMs: number;
    maxFrameMs: number;
    framesOver50Ms: number;
  };
};

const ROUNDS = 5;
// Found by their roles, as a user (and the e2e tests) would: each session is an article, each
// event a row of an "Events" list.
const SESSION_CARD = 'article';
const EVENT_ROW = 'ol[aria-label="Events"] > li';
// Frame budget of a 20 fps floor: above it, scrolling visibly stutters.
const JANK_FRAME_MS = 50;
const GOAL_RENDER_MS = 500;
const GOAL_P95_FRAME_MS = 34;

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => !!path && existsSync(path),
);

// Clicks the button inside the page and resolves with [click time, time of the first frame
// painted after `selector` matches `count` elements], both on the page's performance clock.
async function clickAndTimeUntilPainted(page: Page, buttonName: RegExp, selector: string, count: number) {
  return page.evaluate(
    ({ source, flags, selector, count }) =>
      new Promise<[number, number]>((resolve, reject) => {
        // A page that never shows `selector` (say, after a markup change) fails the benchmark
        // instead of hanging it.
        setTimeout(() => reject(new Error(`${selector} did not appear within 60 s`)), 60_000);
        const pattern = new RegExp(source, flags);
        const button = [...document.querySelectorAll('button')].find((candidate) =>
          pattern.test(candidate.textContent ?? ''),
        );
        if (!button) throw new Error(`No button ${source}`);
        const painted = (clickedAt: number) =>
          // The second animation frame after the DOM change runs once the first has been painted.
          requestAnimationFrame(() => requestAnimationFrame(() => resolve([clickedAt, performance.now()])));
        const clickedAt = performance.now();
        const observer = new MutationObserver(() => {
          if (document.querySelectorAll(selector).length >= count) {
            observer.disconnect();
            painted(clickedAt);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        button.click();
      }),
    { source: buttonName.source, flags: buttonName.flags, selector, count },
  );
}

async function measureScroll(page: Page): Promise<number[]> {
  return page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const frames: number[] = [];
        let last = performance.now();
        window.scrollTo(0, 0);
        const step = () => {
          const now = performance.now();
          frames.push(now - last);
          last = now;
          const bottom = document.documentElement.scrollHeight - window.innerHeight;
          if (window.scrollY >= bottom - 1 || frames.length > 600) return resolve(frames.slice(1));
          window.scrollBy(0, 120);
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
}

export async function measureLargeTokenRender(): Promise<LargeTokenRenderResult> {
  if (!existsSync('dist/client/index.html') || !existsSync('dist/server/main.js')) {
    throw new Error('No build found: run `npm run build` first.');
  }
  if (!CHROMIUM)
    throw new Error('No Chromium found: set CHROMIUM_PATH or install Debian’s chromium package.');
  const token = scenarioToken('large');
  const server = await startBuiltServer({
    PLAID_UPSTREAM: 'simulator',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000',
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const renders: number[] = [];
    const totals: number[] = [];
    const showMores: number[] = [];
    let last: Omit<LargeTokenRenderResult, 'ms' | 'totalMs' | 'showMoreMs' | 'rounds'> | undefined;
    for (let round = 0; round < ROUNDS; round += 1) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      // tsx compiles the functions handed to page.evaluate with esbuild's keepNames, which calls a
      // __name helper that exists only in Node; give the page a no-op one.
      await page.addInitScript('window.__name = (fn) => fn;');
      // Typed, not in the address: a ?link_token= link runs its lookup at once, before the click.
      await page.goto(server.url);
      await page.getByLabel('Link token', { exact: true }).fill(token);
      // The panel is painted once its first session card is.
      const [clickedAt, paintedAt] = await clickAndTimeUntilPainted(page, /^Look up$/, SESSION_CARD, 1);
      const responseEnd = await page.evaluate(() => {
        const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        return (
          entries.filter((entry) => entry.name.endsWith('/api/link/token/get')).at(-1)?.responseEnd ?? NaN
        );
      });
      renders.push(paintedAt - responseEnd);
      totals.push(paintedAt - clickedAt);

      const counts = await page.evaluate(
        ({ cards, events }) => ({
          domNodes: document.getElementsByTagName('*').length,
          sessionCardsInDom: document.querySelectorAll(cards).length,
          eventRowsInDom: document.querySelectorAll(events).length,
        }),
        { cards: SESSION_CARD, events: EVENT_ROW },
      );
      const shape = await page.evaluate(
        async ({ url, linkToken }) => {
          const response = await fetch(`${url}/api/link/token/get`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ link_token: linkToken }),
          });
          const body = (await response.json()) as { link_sessions?: Array<{ events?: unknown[] }> };
          const sessions = body.link_sessions ?? [];
          return {
            sessions: sessions.length,
            events: sessions.reduce((sum, s) => sum + (s.events?.length ?? 0), 0),
          };
        },
        { url: server.url, linkToken: token },
      );

      const frames = await measureScroll(page);
      const cardsBefore = counts.sessionCardsInDom;
      const [moreClickedAt, morePaintedAt] = await clickAndTimeUntilPainted(
        page,
        /^Show \d+ more sessions/,
        SESSION_CARD,
        cardsBefore + 1,
      );
      showMores.push(morePaintedAt - moreClickedAt);
      last = {
        ...shape,
        ...counts,
        scroll: {
          frames: frames.length,
          medianFrameMs: median(frames),
          p95FrameMs: percentile(frames, 95),
          maxFrameMs: Math.max(...frames),
          framesOver50Ms: frames.filter((frame) => frame > JANK_FRAME_MS).length,
        },
      };
      await page.close();
    }
    return {
      ms: median(renders),
      totalMs: median(totals),
      showMoreMs: median(showMores),
      rounds: ROUNDS,
      ...last!,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

// For bench/run.ts: the figures as a section of bench/RESULTS.md.
export async function runLargeTokenRenderBench(): Promise<Section> {
  const result = await measureLargeTokenRender();
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  return {
    title: 'Front end: rendering the large token',
    markdown: [
      `The simulator's "large" token (${result.sessions} sessions, ${result.events} events) looked up in ` +
        `Chromium (headless, 1280×900) against the built server; median of ${result.rounds} page loads.`,
      '',
      table(
        ['measure', 'value'],
        [
          ['response received → panel painted (parse, validate, render)', ms(result.ms)],
          ['click "Look up" → panel painted', ms(result.totalMs)],
          ['click "Show more sessions" → next page painted', ms(result.showMoreMs)],
          ['DOM elements with the panel shown', String(result.domNodes)],
          ['session cards / event rows in the DOM', `${result.sessionCardsInDom} / ${result.eventRowsInDom}`],
          [
            'scrolling top to bottom: frames, median / p95 / max frame',
            `${result.scroll.frames}, ${ms(result.scroll.medianFrameMs)} / ${ms(result.scroll.p95FrameMs)} / ${ms(result.scroll.maxFrameMs)}`,
          ],
        ],
      ),
    ].join('\n'),
    goals: [
      {
        name: `large token painted < ${GOAL_RENDER_MS} ms after its response`,
        met: result.ms < GOAL_RENDER_MS,
        detail: ms(result.ms),
      },
      {
        name: `scrolling: p95 frame < ${GOAL_P95_FRAME_MS} ms`,
        met: result.scroll.p95FrameMs < GOAL_P95_FRAME_MS,
        detail: ms(result.scroll.p95FrameMs),
      },
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await measureLargeTokenRender(), null, 2));
}
