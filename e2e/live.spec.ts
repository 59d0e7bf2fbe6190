import { expect, test } from '@playwright/test';
import { scenarioToken, LIVE_EVENT_COUNT } from '../src/simulator';
import { startOwnServer, type OwnServer } from './support/own-server';
import { keepScreenshot, liveWatch, lookUp, openApp, statusPanel } from './support/page';

// Live watch with the simulator's live token. Its session starts at the simulator's first lookup
// of the token and then only moves forward, so this spec starts a server of its own (any other
// spec may already have looked the token up on the shared one), with a fast event step. That
// polling stops once the session finished is proven without a browser (LiveWatch.test.tsx).

const LIVE_TOKEN = scenarioToken('live');
const STEP_MS = 1000;

let server: OwnServer;

test.beforeAll(async () => {
  server = await startOwnServer({ SIMULATOR_LIVE_STEP_MS: String(STEP_MS) });
});

test.afterAll(() => server.stop());

test.setTimeout(60_000);

test('watch follows a running session, highlights new events and stops when it finishes', async ({
  page,
}, testInfo) => {
  await openApp(page, server.url);
  await lookUp(page, LIVE_TOKEN);
  await expect(statusPanel(page).getByRole('region', { name: 'Verdict' })).toContainText('In progress');

  const lookups: number[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/api/link/token/get')) lookups.push(response.status());
  });
  const watch = page.getByRole('button', { name: 'Watch', exact: true });
  await watch.click();
  await expect(watch).toHaveAttribute('aria-pressed', 'true');
  await expect(liveWatch(page).getByText(/Watching: 1 session in progress/)).toBeVisible();

  // New events arrive and are announced while the session runs.
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /\d+ new events?\./ })
      .first(),
  ).toBeAttached({
    timeout: 20_000,
  });
  await keepScreenshot(page, testInfo, 'live-watching');

  // The session finishes after LIVE_EVENT_COUNT steps; watch stops by itself.
  await expect(liveWatch(page).getByText('Stopped watching: every session has finished.')).toBeVisible({
    timeout: LIVE_EVENT_COUNT * STEP_MS + 20_000,
  });
  await expect(watch).toHaveAttribute('aria-pressed', 'false');
  await expect(statusPanel(page).getByRole('region', { name: 'Verdict' })).toContainText('Linked');
  expect(lookups.length).toBeGreaterThan(1);
  expect(lookups.every((status) => status === 200)).toBe(true);
  await keepScreenshot(page, testInfo, 'live-finished');
});
