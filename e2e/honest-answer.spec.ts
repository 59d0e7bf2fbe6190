import { expect, test } from '@playwright/test';
import { scenarioToken } from '../src/simulator';
import {
  errorPanel,
  keepScreenshot,
  lookUp,
  lookupForm,
  openApp,
  statusPanel,
  tokenField,
} from './support/page';

// What only a real browser shows about an honest answer: an answer that no longer matches the
// field is dimmed (CSS), each lookup is an entry in the browser's own history, and the clipboard
// works both ways. The rules behind them (stale answers, history entries, pasted text, retry and
// cancel) are proven without a browser in src/client/app/pages/*.test.tsx.

const SUCCESS = scenarioToken('success');
const UNKNOWN = scenarioToken('unknown');

test('editing the field dims the answer and offers the way back', async ({ page }, testInfo) => {
  await openApp(page);
  await lookUp(page, SUCCESS);
  const answer = page.getByTestId('lookup-answer');
  await expect(answer).toHaveCSS('opacity', '1');

  await tokenField(page).fill('hello world');
  await expect(page.getByText('Previous token’s answer.')).toBeVisible();
  await expect(answer).not.toHaveCSS('opacity', '1');
  await keepScreenshot(page, testInfo, 'stale-answer');

  await page.getByRole('button', { name: 'Put that token back in the field' }).click();
  await expect(tokenField(page)).toHaveValue(SUCCESS);
  await expect(answer).toHaveCSS('opacity', '1');
});

test('each lookup is a history entry: Back and Forward show each lookup again', async ({ page }) => {
  await openApp(page);
  await lookUp(page, SUCCESS);
  expect(new URL(page.url()).searchParams.get('link_token')).toBe(SUCCESS);
  await lookUp(page, UNKNOWN);
  expect(new URL(page.url()).searchParams.get('link_token')).toBe(UNKNOWN);

  await page.goBack();
  await expect(tokenField(page)).toHaveValue(SUCCESS);
  await expect(statusPanel(page)).toBeVisible();
  await expect(errorPanel(page)).toBeHidden();

  await page.goForward();
  await expect(tokenField(page)).toHaveValue(UNKNOWN);
  await expect(errorPanel(page)).toContainText('INVALID_LINK_TOKEN');

  // Back to the page before the first lookup: an empty field and no answer.
  await page.goBack();
  await page.goBack();
  await expect(tokenField(page)).toHaveValue('');
  await expect(statusPanel(page)).toBeHidden();
});

test('the clipboard: a pasted log line gives up its token; Copy link copies the lookup’s address', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  const line = `2026-11-30T11:02:03Z INFO link/token/create ok "link_token": "${SUCCESS}", request_id=abc`;
  await page.evaluate((text) => navigator.clipboard.writeText(text), line);
  await tokenField(page).focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(tokenField(page)).toHaveValue(SUCCESS);
  await expect(tokenField(page)).not.toHaveAttribute('aria-invalid', 'true');

  // With credentials: the copied link carries the token and never them.
  await lookupForm(page)
    .getByRole('button', { name: /Credentials/ })
    .click();
  await lookupForm(page).getByLabel('Client ID').fill('simulator-client-id');
  await lookupForm(page).getByLabel('Secret', { exact: true }).fill('simulator-secret');
  await lookUp(page, SUCCESS);
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${new URL(page.url()).origin}/?link_token=${SUCCESS}`);
});
