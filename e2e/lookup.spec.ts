import { expect, test, type Page } from '@playwright/test';
import { scenarioToken } from '../src/simulator';
import { attachScreenshot, errorPanel, liveWatch, lookupForm } from './page-helpers';

// The lookup flow against the real built server in simulator mode: the form, the four basic
// outcomes (success, expired, unknown, malformed), the fixture picker, recent lookups, copy link
// and the page URL. Each state is screenshot as a test artifact.

async function lookUp(page: Page, token: string) {
  await lookupForm(page).getByLabel('Link token').fill(token);
  await page.getByRole('button', { name: 'Look up', exact: true }).click();
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('answers are simulated, not from Plaid')).toBeVisible();
});

test('a successful lookup shows the token details and moves focus to them', async ({ page }, testInfo) => {
  await lookUp(page, scenarioToken('success'));
  const heading = page.getByRole('heading', { name: 'Link token details' });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(lookupForm(page).getByText('Sandbox', { exact: true })).toBeVisible();
  await expect(page.getByText('Linked', { exact: true }).first()).toBeVisible();
  await attachScreenshot(page, testInfo, 'success');
});

test('an expired token says so', async ({ page }, testInfo) => {
  await lookUp(page, scenarioToken('expired'));
  await expect(page.getByRole('heading', { name: 'Link token details' })).toBeFocused();
  await expect(page.getByText('Expired', { exact: true }).first()).toBeVisible();
  await expect(liveWatch(page).getByText(/Nothing to watch: the link token has expired/)).toBeVisible();
  await attachScreenshot(page, testInfo, 'expired');
});

test("an unknown token shows Plaid's INVALID_LINK_TOKEN, with focus on the error", async ({
  page,
}, testInfo) => {
  await lookUp(page, scenarioToken('unknown'));
  const heading = errorPanel(page).getByRole('heading', { level: 2 });
  await expect(heading).toBeFocused();
  await expect(page.getByText('INVALID_LINK_TOKEN', { exact: true }).first()).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Verdict: Lookup failed (INVALID_LINK_TOKEN).' }),
  ).toBeAttached();
  await attachScreenshot(page, testInfo, 'unknown');
});

test('a malformed token is explained as you type and never sent', async ({ page }, testInfo) => {
  const lookups: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/link/token/get')) lookups.push(request.url());
  });
  const field = lookupForm(page).getByLabel('Link token');
  await field.fill('public-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d');
  await expect(page.getByText('This is a public_token, not a link_token.', { exact: false })).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.fill('not a token');
  await page.getByRole('button', { name: 'Look up', exact: true }).click();
  await expect(page.getByText('This is not a link token.', { exact: false })).toBeVisible();
  await attachScreenshot(page, testInfo, 'malformed');
  expect(lookups).toEqual([]);
});

test('picking a fixture token looks it up; recent lookups re-run it in one click', async ({ page }) => {
  const picker = page.getByRole('region', { name: 'Simulator fixture tokens' });
  await picker.getByRole('button', { name: /^fresh/ }).click();
  await expect(lookupForm(page).getByLabel('Link token')).toHaveValue(scenarioToken('fresh'));
  await expect(page.getByRole('heading', { name: 'Link token details' })).toBeVisible();

  const recent = page.getByRole('region', { name: 'Recent lookups' });
  await expect(recent.getByText(scenarioToken('fresh'))).toBeVisible();
  await lookUp(page, scenarioToken('unknown'));
  await expect(recent.getByText('INVALID_LINK_TOKEN')).toBeVisible();

  // Survives a reload (which shows the address bar's lookup, the last one, again); one click runs
  // an earlier lookup again.
  await page.reload();
  // The reload loads the page and runs a lookup before the panel can show: more than a click.
  await expect(errorPanel(page)).toBeVisible({ timeout: 15_000 });
  const again = page.waitForResponse(
    (response) =>
      response.url().endsWith('/api/link/token/get') &&
      response.request().postDataJSON().link_token === scenarioToken('fresh'),
  );
  await recent.getByRole('button', { name: `Re-run ${scenarioToken('fresh')}`, exact: false }).click();
  expect((await again).status()).toBe(200);
  await expect(lookupForm(page).getByLabel('Link token')).toHaveValue(scenarioToken('fresh'));
});

test('credentials are sent in the request body only, never kept or put in a URL', async ({
  page,
  context,
}) => {
  await lookupForm(page)
    .getByRole('button', { name: /Credentials/ })
    .click();
  await lookupForm(page).getByLabel('Client ID').fill('simulator-client-id');
  await lookupForm(page).getByLabel('Secret', { exact: true }).fill('simulator-secret');
  const request = page.waitForRequest((candidate) => candidate.url().endsWith('/api/link/token/get'));
  await lookUp(page, scenarioToken('success'));
  expect((await request).postDataJSON()).toEqual({
    link_token: scenarioToken('success'),
    client_id: 'simulator-client-id',
    secret: 'simulator-secret',
  });
  await expect(page.getByRole('heading', { name: 'Link token details' })).toBeVisible();

  const storage = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  expect(storage).toContain(scenarioToken('success'));
  expect(storage).not.toContain('simulator-secret');
  expect(page.url()).not.toContain('secret');

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${new URL(page.url()).origin}/?link_token=${scenarioToken('success')}`);
});

test('?link_token= pre-fills the field; credentials in the URL are dropped at once', async ({ page }) => {
  await page.goto(`/?link_token=${scenarioToken('success')}&client_id=abc&secret=xyz`);
  await expect(lookupForm(page).getByLabel('Link token')).toHaveValue(scenarioToken('success'));
  await expect(lookupForm(page).getByLabel('Client ID')).toHaveValue('');
  expect(page.url()).toMatch(new RegExp(`/\\?link_token=${scenarioToken('success')}$`));
});
