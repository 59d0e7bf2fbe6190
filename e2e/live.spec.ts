import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { expect, test } from '@playwright/test';
import { listScenarioTokens } from '../src/server/simulator/scenarios';
import { LIVE_EVENT_COUNT } from '../src/server/simulator/scenarios/live';

// Live watch with the simulator's live token. Its session starts at the simulator's first lookup
// of the token and then only moves forward, so this spec starts a server of its own (any other
// spec may already have looked the token up on the shared one), with a fast event step.

const LIVE_TOKEN = listScenarioTokens().find((token) => token.scenario === 'live')!.link_token;
const STEP_MS = 1000;

let server: ChildProcess;
let baseUrl: string;

test.beforeAll(async () => {
  server = spawn('node', ['dist/server/main.js'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      PLAID_UPSTREAM: 'simulator',
      LOG_LEVEL: 'warn',
      SIMULATOR_LIVE_STEP_MS: String(STEP_MS),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // main.js prints "listening on http://127.0.0.1:PORT" once it accepts connections.
  let output = '';
  while (!/listening on (http:\/\/\S+?),/.test(output)) {
    const [chunk] = (await once(server.stdout!, 'data')) as [Buffer];
    output += chunk.toString();
  }
  baseUrl = /listening on (http:\/\/\S+?),/.exec(output)![1]!;
});

test.afterAll(async () => {
  server.kill('SIGTERM');
  await once(server, 'exit');
});

test.setTimeout(120_000);

test('watch follows a running session, highlights new events and stops when it finishes', async ({
  page,
}, testInfo) => {
  await page.goto(`${baseUrl}/?link_token=${LIVE_TOKEN}`);
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
  await expect(page.locator('.watch').getByText(/Watching: 1 session in progress/)).toBeVisible();

  // New events arrive and are announced while the session runs.
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /\d+ new events?\./ })
      .first(),
  ).toBeAttached({
    timeout: 20_000,
  });
  const shot = testInfo.outputPath('live-watching.png');
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('live-watching', { path: shot, contentType: 'image/png' });

  // The session finishes after LIVE_EVENT_COUNT steps; watch stops by itself.
  await expect(page.locator('.watch').getByText('Stopped watching: every session has finished.')).toBeVisible(
    {
      timeout: LIVE_EVENT_COUNT * STEP_MS + 20_000,
    },
  );
  await expect(watch).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByText('Succeeded', { exact: true }).first()).toBeVisible();
  const finishedAfter = lookups.length;
  expect(finishedAfter).toBeGreaterThan(1);

  // No more polling once it stopped.
  await page.waitForTimeout(7_000);
  expect(lookups.length).toBe(finishedAfter);
  expect(lookups.every((status) => status === 200)).toBe(true);
  const done = testInfo.outputPath('live-finished.png');
  await page.screenshot({ path: done, fullPage: true });
  await testInfo.attach('live-finished', { path: done, contentType: 'image/png' });
});
