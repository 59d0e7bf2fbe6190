import { expect, test, type Page } from '@playwright/test';
import { scenarioToken } from '../src/simulator';
import { attachScreenshot, errorPanel, lookupForm } from './page-helpers';

// An honest answer, against the real built server in simulator mode: an answer that no longer
// matches the field says so, every lookup is a page in the browser's history, a shared link runs,
// a pasted log line gives up its token, and a failed lookup can be retried (after the wait the
// server asked for) or a slow one cancelled.

const SUCCESS = scenarioToken('success');
const UNKNOWN = scenarioToken('unknown');
const LOOKUP_PATH = '/api/link/token/get';

function tokenField(page: Page) {
  return lookupForm(page).getByLabel('Link token');
}

async function lookUp(page: Page, token: string) {
  await tokenField(page).fill(token);
  await page.getByRole('button', { name: 'Look up', exact: true }).click();
}

async function ready(page: Page, path = '/') {
  await page.goto(path);
  await expect(page.getByText('answers are simulated, not from Plaid')).toBeVisible();
}

const details = (page: Page) => page.getByRole('heading', { name: 'Link token details' });

test('editing the field dims the answer, labels it as the previous token’s, and offers the way back', async ({
  page,
}, testInfo) => {
  await ready(page);
  await lookUp(page, SUCCESS);
  await expect(details(page)).toBeFocused();
  const answer = page.getByTestId('lookup-answer');
  await expect(answer).toHaveCSS('opacity', '1');

  await tokenField(page).fill('hello world');
  await expect(page.getByText('This is not a link token.', { exact: false })).toBeVisible();
  // The notice's sentence (its first words are in bold).
  const notice = page.getByRole('paragraph').filter({ hasText: 'Previous token’s answer.' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(SUCCESS);
  await expect(answer).not.toHaveCSS('opacity', '1');
  await attachScreenshot(page, testInfo, 'stale-answer');

  await page.getByRole('button', { name: 'Put that token back in the field' }).click();
  await expect(tokenField(page)).toHaveValue(SUCCESS);
  await expect(notice).toBeHidden();
  await expect(answer).toHaveCSS('opacity', '1');
});

test('each lookup is a history entry: Back and Forward show each lookup again', async ({ page }) => {
  await ready(page);
  await lookUp(page, SUCCESS);
  await expect(details(page)).toBeVisible();
  expect(new URL(page.url()).searchParams.get('link_token')).toBe(SUCCESS);

  await lookUp(page, UNKNOWN);
  await expect(errorPanel(page).getByRole('heading', { level: 2 })).toBeFocused();
  expect(new URL(page.url()).searchParams.get('link_token')).toBe(UNKNOWN);

  await page.goBack();
  await expect(tokenField(page)).toHaveValue(SUCCESS);
  await expect(details(page)).toBeVisible();
  await expect(errorPanel(page)).toBeHidden();

  await page.goForward();
  await expect(tokenField(page)).toHaveValue(UNKNOWN);
  await expect(errorPanel(page)).toBeVisible();
  await expect(page.getByText('INVALID_LINK_TOKEN', { exact: true }).first()).toBeVisible();

  // Back to the page before the first lookup: an empty field and no answer.
  await page.goBack();
  await page.goBack();
  await expect(tokenField(page)).toHaveValue('');
  await expect(details(page)).toBeHidden();
});

test('a shared link runs its lookup at once; credentials in it are dropped', async ({ page }) => {
  const lookup = page.waitForRequest((request) => request.url().endsWith(LOOKUP_PATH));
  await page.goto(`/?link_token=${SUCCESS}&client_id=abc&secret=xyz`);
  expect((await lookup).postDataJSON()).toEqual({ link_token: SUCCESS });
  await expect(details(page)).toBeVisible();
  await expect(tokenField(page)).toHaveValue(SUCCESS);
  expect(page.url()).toMatch(new RegExp(`/\\?link_token=${SUCCESS}$`));
});

test('a pasted log line leaves its token alone in the field, and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await ready(page);
  const line = `2026-11-30T11:02:03Z INFO link/token/create ok "link_token": "${SUCCESS}", request_id=abc`;
  await page.evaluate((text) => navigator.clipboard.writeText(text), line);
  await tokenField(page).focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(tokenField(page)).toHaveValue(SUCCESS);
  await expect(page.getByText('Took the link token out of the pasted text.')).toBeVisible();
  await expect(tokenField(page)).not.toHaveAttribute('aria-invalid', 'true');

  await page.getByRole('button', { name: 'Look up', exact: true }).click();
  await expect(details(page)).toBeVisible();
});

test('text with several tokens opens them in Batch', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await ready(page);
  await page.evaluate((text) => navigator.clipboard.writeText(text), `${SUCCESS}\n${UNKNOWN}\n`);
  await tokenField(page).focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByText('The pasted text holds 2 link tokens', { exact: false })).toBeVisible();
  await expect(tokenField(page)).toHaveValue('');

  await page.getByRole('button', { name: 'Open the 2 tokens in Batch' }).click();
  await expect(page.getByRole('tab', { name: 'Batch' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Look up 2 tokens' })).toBeVisible();
});

test('a network failure offers Retry, which looks the token up again', async ({ page }) => {
  await ready(page);
  let failed = false;
  await page.route(`**${LOOKUP_PATH}`, async (route) => {
    if (failed) return route.continue();
    failed = true;
    return route.abort('connectionreset');
  });
  await lookUp(page, SUCCESS);
  await expect(page.getByText('NETWORK_ERROR', { exact: false }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Retry', exact: true }).click();
  await expect(details(page)).toBeVisible();
  await expect(errorPanel(page)).toBeHidden();
});

test('a rate limit’s Retry waits as long as the server asked', async ({ page }, testInfo) => {
  // The page's Date.now() stands still (its timers keep running): on a busy machine the 2 seconds
  // the simulator asks for could otherwise run out before the answer is even drawn.
  await page.clock.setFixedTime(Date.now());
  await ready(page);
  const sentAt: number[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith(LOOKUP_PATH)) sentAt.push(Date.now());
  });
  const answered = page.waitForResponse((response) => response.url().endsWith(LOOKUP_PATH));
  await lookUp(page, scenarioToken('fault-429'));
  expect((await answered).headers()['retry-after']).toBe('2');

  // The button says how long the server asked to wait, and pressing it at once waits that long.
  const retry = page.getByRole('button', { name: 'Retry in 2 s' });
  await expect(retry).toBeVisible();
  const pressedAt = Date.now();
  await retry.click();
  await expect(page.getByText('Retrying in 2 s, as the server asked')).toBeVisible();
  await expect.poll(() => sentAt.length, { timeout: 10_000 }).toBe(2);
  expect(sentAt[1]! - pressedAt).toBeGreaterThanOrEqual(1_500);
  // The fixture answers 429 again: the panel and its Retry are back.
  await expect(retry).toBeVisible();
  await attachScreenshot(page, testInfo, 'rate-limited');
});

test('a lookup in flight can be cancelled', async ({ page }) => {
  await ready(page);
  // This fixture never answers: only the proxy's timeout (or Cancel) ends the lookup.
  await lookUp(page, scenarioToken('fault-hang'));
  await expect(page.getByRole('button', { name: 'Looking up…' })).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel lookup', exact: true }).click();
  await expect(
    page.getByText(
      `Lookup cancelled: no answer is shown for ${scenarioToken('fault-hang')} (the request may already have reached Plaid).`,
    ),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Look up', exact: true })).toBeEnabled();
  await expect(tokenField(page)).toBeFocused();

  // Nothing comes back later to replace what the user is doing now.
  await lookUp(page, SUCCESS);
  await expect(details(page)).toBeVisible();
});
