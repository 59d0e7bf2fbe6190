import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { scenarioToken } from '../src/simulator';
import { lookUp, openApp, statusPanel } from './support/page';

// The answer in a real browser: its controls from the keyboard alone, and the raw JSON as a
// download. What the answer says, for every fixture, is proven without a browser
// (src/client/components/answer/EveryFixture.test.tsx).

test('works from the keyboard: time zone, session cards and event details', async ({ page }) => {
  await openApp(page);
  await lookUp(page, scenarioToken('several-sessions'));
  const utc = page.getByRole('button', { name: 'UTC', exact: true });
  await utc.focus();
  await page.keyboard.press('Space');
  await expect(utc).toHaveAttribute('aria-pressed', 'true');
  await expect(statusPanel(page).locator('time').first()).toHaveText(/UTC$/);

  const firstCard = statusPanel(page).getByRole('article').first();
  const toggle = firstCard.getByRole('heading', { level: 4 }).getByRole('button');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');

  const details = firstCard.getByRole('button', { name: /^Details of OPEN event/ });
  await details.focus();
  await page.keyboard.press('Enter');
  await expect(firstCard.getByRole('button', { name: /^Hide details of OPEN event/ })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(
    firstCard
      .getByRole('term')
      .filter({ hasText: /^event_id$/ })
      .first(),
  ).toBeVisible();
});

test('downloads the raw JSON as link-token-<token>.json, exactly as Plaid answered', async ({ page }) => {
  const token = scenarioToken('success');
  await openApp(page);
  await lookUp(page, token);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`link-token-${token}.json`);
  const body = JSON.parse(await readFile(await download.path(), 'utf8')) as { link_token: string };
  expect(body.link_token).toBe(token);
});
