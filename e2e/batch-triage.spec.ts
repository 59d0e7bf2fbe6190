import { expect, test, type Locator, type Page } from '@playwright/test';
import { listScenarioTokens, scenarioToken } from '../src/simulator';
import { expectNoAxeViolations } from './support/axe';
import { keepScreenshot, openBatch } from './support/page';

// Triage of a whole batch against the real built server in simulator mode: every fixture token
// (faults included) goes in, then the breakdown filters the table, the drawer steps through rows
// with J / K without moving the table, "Retry failed lookups" runs only the retryable failures,
// and the page works at 390 px. axe checks each state.

const FIXTURES = listScenarioTokens();
// The lookups that fail for a passing reason: the simulator's faults (rate limit, 5xx, bad or no
// answer, timeout); the latency fault answers, just late.
const RETRYABLE = FIXTURES.filter(
  (token) => token.scenario.startsWith('fault-') && token.scenario !== 'fault-latency',
).map((token) => token.link_token);

// The fault tokens take a while: a 429 retried three times, a hang until the proxy's 4 s timeout.
test.setTimeout(180_000);

async function runEveryFixture(page: Page): Promise<Locator> {
  const batch = await openBatch(page);
  await batch.getByRole('button', { name: 'Fill in every simulator fixture token' }).click();
  await expect(batch.getByText(`${FIXTURES.length} unique link tokens found.`)).toBeVisible();
  // The e2e server's limit is lifted (RATE_LIMIT_PER_MINUTE=100000 in playwright.config.ts).
  await expect(
    batch.getByText('Expected time: under a minute (this server allows 100000 lookups a minute per user).'),
  ).toBeVisible();
  await batch.getByRole('button', { name: `Look up ${FIXTURES.length} tokens` }).click();
  await expect(batch.getByText(/^Done: /)).toBeVisible({ timeout: 90_000 });
  return batch;
}

// What makes a card unreadable, one line each: a word split over two lines, a cell whose text
// overflows it, a label with no value under it, a token under its verdict badge.
async function unreadableCardText(batch: Locator): Promise<string[]> {
  return rows(batch).evaluateAll((cards) => {
    const problems: string[] = [];
    const overlaps = (a: DOMRect, b: DOMRect) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    for (const card of cards) {
      const cells = [...card.querySelectorAll('td')];
      for (const cell of cells) {
        if (cell.scrollWidth > cell.clientWidth) problems.push(`clipped: ${cell.textContent}`);
        if (getComputedStyle(cell).display !== 'none' && cell.textContent?.trim() === '')
          problems.push(`label without a value: ${cell.dataset.label}`);
        // The token is a long string without spaces, meant to wrap anywhere; its label is cut.
        if (cell.querySelector('button')) continue;
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (const word of text.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, word.index);
            range.setEnd(node, word.index + word[0].length);
            const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            if (lines.size > 1) problems.push(`broken: ${word[0]}`);
          }
        }
      }
      const token = card.querySelector('td button')?.getBoundingClientRect();
      const badge = cells[1]?.firstElementChild?.getBoundingClientRect();
      if (token && badge && overlaps(token, badge)) problems.push(`token under badge: ${card.textContent}`);
    }
    return problems;
  });
}

function rows(batch: Locator): Locator {
  return batch.getByRole('table').locator('tbody tr');
}

test('triage on a wide screen: breakdown filters, the drawer with J / K, retry of failed lookups', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const batch = await runEveryFixture(page);
  await keepScreenshot(page, testInfo, 'batch-triage-1280-full');
  await expectNoAxeViolations(page, 'batch-triage-1280-full');

  // The input folded into one line.
  await expect(batch.getByRole('button', { name: 'Change the tokens' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect(batch.getByLabel(/Tokens, or any text/)).toBeHidden();
  await expect(rows(batch)).toHaveCount(FIXTURES.length);

  // A count filters; counts of different groups combine.
  // Two fixtures fail with INSTITUTION_DOWN: Houndstooth Bank (Sandbox) and Quokka (bank-down).
  const down = batch.getByRole('button', { name: 'INSTITUTION_DOWN 2' });
  await down.click();
  await expect(down).toHaveAttribute('aria-pressed', 'true');
  await expect(rows(batch)).toHaveCount(2);
  await expect(rows(batch).filter({ hasText: 'Houndstooth Bank' })).toHaveCount(1);
  await down.click();
  await expect(rows(batch)).toHaveCount(FIXTURES.length);

  // Failed, and at Tartan Bank: both must hold. The institution counts only failed tokens now.
  const failed = batch.getByRole('group', { name: 'Verdict' }).getByRole('button', { name: /^Failed \d+$/ });
  const failedCount = Number((await failed.textContent())!.match(/\d+$/)![0]);
  await failed.click();
  await expect(rows(batch)).toHaveCount(failedCount);
  const tartan = batch
    .getByRole('group', { name: 'Institution' })
    .getByRole('button', { name: /^Tartan Bank \d+$/ });
  const tartanCount = Number((await tartan.textContent())!.match(/\d+$/)![0]);
  expect(tartanCount).toBeLessThan(failedCount);
  await tartan.click();
  await expect(rows(batch)).toHaveCount(tartanCount);
  for (const row of await rows(batch).all()) {
    await expect(row.locator('td[data-label="Verdict"]')).toHaveText('Failed');
    await expect(row.locator('td[data-label="Institution"]')).toHaveText('Tartan Bank');
  }
  await batch.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows(batch)).toHaveCount(FIXTURES.length);

  // The table scrolls with the page; its header sticks to the top of the window.
  await page.mouse.wheel(0, 2000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
  const header = batch.getByRole('table').getByRole('rowgroup').first();
  await expect(header.getByRole('columnheader', { name: /Verdict/ })).toBeInViewport();
  expect((await header.boundingBox())!.y).toBeLessThanOrEqual(1);
  const scrollBoxes = await batch.getByRole('table').evaluate((table) => {
    const boxes: string[] = [];
    for (let element = table.parentElement; element; element = element.parentElement) {
      if (
        element.scrollHeight > element.clientHeight + 1 &&
        getComputedStyle(element).overflowY !== 'visible'
      )
        boxes.push(element.tagName);
    }
    return boxes.filter((tag) => tag !== 'HTML' && tag !== 'BODY');
  });
  expect(scrollBoxes, 'no box of its own scrolls the table').toEqual([]);

  // A row opens beside the table; J and K step through the rows without moving the table.
  const success = scenarioToken('success');
  const several = scenarioToken('several-sessions');
  const rowButton = batch.getByRole('button', { name: `Show details for ${success}` });
  await rowButton.scrollIntoViewIfNeeded();
  await rowButton.click();
  const drawer = batch.getByRole('region', { name: `Details for ${success}` });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('heading', { level: 2 }).first()).toBeFocused();
  const tableBox = (await batch.getByRole('table').boundingBox())!;
  const drawerBox = (await drawer.boundingBox())!;
  expect(drawerBox.x, 'the drawer is beside the table').toBeGreaterThanOrEqual(tableBox.x + tableBox.width);
  const scrollBefore = await page.evaluate(() => window.scrollY);

  await page.keyboard.press('j');
  const next = batch.getByRole('region', { name: `Details for ${several}` });
  await expect(next).toBeVisible();
  await expect(next).toContainText('Linked');
  await expect(next.getByRole('heading', { level: 2 }).first()).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
  await page.keyboard.press('k');
  await expect(drawer).toBeVisible();
  await keepScreenshot(page, testInfo, 'batch-triage-1280-drawer');
  await expectNoAxeViolations(page, 'batch-triage-1280-drawer');

  // From the table: focus follows the row.
  await rowButton.focus();
  await page.keyboard.press('j');
  await expect(batch.getByRole('button', { name: `Show details for ${several}` })).toBeFocused();
  await expect(next).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(next).toBeHidden();
  await expect(batch.getByRole('button', { name: `Show details for ${several}` })).toBeFocused();

  // Retry runs again only the lookups that failed for a passing reason.
  const retried = new Set<string>();
  page.on('request', (request) => {
    if (request.url().endsWith('/api/link/token/get'))
      retried.add((request.postDataJSON() as { link_token: string }).link_token);
  });
  await batch.getByRole('button', { name: `Retry ${RETRYABLE.length} failed lookups` }).click();
  await expect(batch.getByText(/^Retry done: /)).toBeVisible({ timeout: 90_000 });
  expect([...retried].sort()).toEqual([...RETRYABLE].sort());
});

// Dark mode here, light mode above: axe checks the colours of both.
test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('triage on a 390 px phone: cards, and a drawer that covers the screen', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const batch = await runEveryFixture(page);
    await keepScreenshot(page, testInfo, 'batch-triage-390-full');
    await expectNoAxeViolations(page, 'batch-triage-390-full');

    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Rows are cards: each value labelled, no column headers to scroll sideways for.
    await expect(batch.getByRole('columnheader', { name: /Verdict/ })).toBeHidden();
    await expect(batch.getByLabel('Sort by')).toBeVisible();
    // Each card is readable: no word of a value broken across lines (a value squeezed into a
    // sliver of the card broke codes and names letter by letter), no text cut off, and the token
    // clear of its verdict.
    expect(await unreadableCardText(batch)).toEqual([]);

    const success = scenarioToken('success');
    await batch.getByRole('button', { name: `Show details for ${success}` }).click();
    const drawer = page.getByRole('dialog', { name: `Details for ${success}` });
    await expect(drawer).toBeVisible();
    const box = (await drawer.boundingBox())!;
    expect(box).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    await expect(drawer.getByRole('heading', { level: 2 }).first()).toBeFocused();
    await keepScreenshot(page, testInfo, 'batch-triage-390-drawer');
    await expectNoAxeViolations(page, 'batch-triage-390-drawer');

    await page.keyboard.press('j');
    await expect(
      page.getByRole('dialog', { name: `Details for ${scenarioToken('several-sessions')}` }),
    ).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(
      batch.getByRole('button', { name: `Show details for ${scenarioToken('several-sessions')}` }),
    ).toBeFocused();
  });
});
