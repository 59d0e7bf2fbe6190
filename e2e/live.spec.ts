import { expect, test } from '@playwright/test';
import { scenarioToken, LIVE_EVENT_COUNT } from '../src/simulator';
import { startOwnServer, type OwnServer } from './own-server';
import { attachScreenshot, liveWatch } from './page-helpers';

// Live watch with the simulator's live token. Its session starts at the simulator's first lookup
// of the token and then only moves forward, so this spec starts a server of its own (any other
// spec may already have looked the token up on the shared one), with a fast event step.

const LIVE_TOKEN = scenarioToken('live');
const STEP_MS = 1000;

let server: OwnServer;

test.beforeAll(async () => {
  server = await startOwnServer({ SIMULATOR_LIVE_STEP_MS: String(STEP_MS) });
});

test.afterAll(() => server.stop());

test.setTimeout(120_000);

test('watch follows a running session, highlights new events and stops when it finishes', async ({
  page,
}, testInfo) => {
  await page.goto(`${server.url}/?link_token=${LIVE_TOKEN}`);
  await page.getByRole('button', { name: 'Look up', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Link token details' })).toBeFocused();
  await expect(page.getByText('In progress', { exact: true }).first()).toBeVisible();

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
  await attachScreenshot(page, testInfo, 'live-watching');

  // The session finishes after LIVE_EVENT_COUNT steps; watch stops by itself.
  await expect(liveWatch(page).getByText('Stopped watching: every session has finished.')).toBeVisible({
    timeout: LIVE_EVENT_COUNT * STEP_MS + 20_000,
  });
  await expect(watch).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByText('Linked', { exact: true }).first()).toBeVisible();
  const finishedAfter = lookups.length;
  expect(finishedAfter).toBeGreaterThan(1);

  // No more polling once it stopped.
  await page.waitForTimeout(7_000);
  expect(lookups.length).toBe(finishedAfter);
  expect(lookups.every((status) => status === 200)).toBe(true);
  await attachScreenshot(page, testInfo, 'live-finished');
});
