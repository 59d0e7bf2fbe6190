import { expect, test, type Locator, type Page } from '@playwright/test';
import { listScenarioTokens } from '../src/simulator';
import { batchPanel, keepScreenshot, openBatch } from './support/page';

// A batch at 1280x800 against the real built server (simulator mode, with its store): the drawer
// opens with its verdict in view and J / K keep it there; a reload brings the finished batch back
// from sessionStorage and the store's kept answers, without asking Plaid again.

// The fixtures that answer at once (no faults, no live or very large answers).
const TOKENS = listScenarioTokens()
  .filter(({ scenario }) => !/^fault-|^live$|^large$|^unknown$/.test(scenario))
  .map((token) => token.link_token);

test.setTimeout(120_000);

async function runBatch(page: Page): Promise<Locator> {
  await page.setViewportSize({ width: 1280, height: 800 });
  const batch = await openBatch(page);
  await batch.getByLabel(/Tokens, or any text/).fill(TOKENS.join('\n'));
  await batch.getByRole('button', { name: `Look up ${TOKENS.length} tokens` }).click();
  await expect(batch.getByText(/^Done: /)).toBeVisible({ timeout: 90_000 });
  return batch;
}

// Whether the element is wholly inside the window.
async function inView(element: Locator): Promise<boolean> {
  return element.evaluate((node) => {
    const box = node.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
}

test('the drawer opens with its verdict in view at 1280x800, and J / K keep it there', async ({
  page,
}, testInfo) => {
  const batch = await runBatch(page);
  await batch.getByRole('table').locator('tbody tr').first().getByRole('button').first().click();
  const drawer = batch.getByRole('region', { name: /^Details for / });
  // The drawer's own heading, then the answer's (its verdict beneath).
  const verdict = drawer.getByRole('heading').nth(1);
  await expect(drawer.getByRole('heading').first()).toBeFocused();
  expect(await inView(verdict)).toBe(true);

  for (const [key, position] of [
    ['j', 2],
    ['j', 3],
    ['k', 2],
  ] as const) {
    await page.keyboard.press(key);
    await expect(drawer.getByRole('heading').first()).toContainText(`${position} of ${TOKENS.length}`);
    expect(await inView(drawer.getByRole('heading').nth(1))).toBe(true);
  }
  // Last: a whole-page screenshot resizes the window for a moment, which moves focus.
  await keepScreenshot(page, testInfo, 'batch-drawer-1280');
});

test('a reload keeps a finished batch, its answers from the store without asking Plaid', async ({
  page,
}, testInfo) => {
  const batch = await runBatch(page);
  const verdicts = await batch.getByRole('table').locator('tbody tr td:nth-child(2)').allTextContents();
  // Answers are kept after they are sent: wait until the store holds the last of them.
  await expect
    .poll(
      async () => {
        const response = await page.request.post('/api/kept/read', {
          data: { link_tokens: TOKENS },
          headers: { Origin: new URL(page.url()).origin },
        });
        return ((await response.json()) as { not_kept: string[] }).not_kept;
      },
      { timeout: 30_000 },
    )
    .toEqual([]);

  const lookups: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/link/token/get')) lookups.push(request.url());
  });
  await page.reload();
  await expect(page).toHaveURL(/view=batch/);
  const restored = batchPanel(page);
  await expect(
    restored.getByText(
      new RegExp(`^Brought back after a reload: ${TOKENS.length} of ${TOKENS.length} tokens`),
    ),
  ).toBeVisible({ timeout: 30_000 });
  await keepScreenshot(page, testInfo, 'batch-reloaded-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await keepScreenshot(page, testInfo, 'batch-reloaded-390');
  expect(await restored.getByRole('table').locator('tbody tr td:nth-child(2)').allTextContents()).toEqual(
    verdicts,
  );
  expect(lookups).toEqual([]);
});
