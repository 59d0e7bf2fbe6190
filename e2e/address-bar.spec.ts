import { expect, test } from '@playwright/test';
import { scenarioToken } from '../src/simulator';

// Credentials must never sit in a URL (history, bookmarks, logs, screenshots). A link that carries
// them anyway, in any letter case, loses them before the app starts; the link token stays.

test('client_id and secret in any letter case are scrubbed from the address bar at once', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const linkToken = scenarioToken('fresh');
  const document = await page.goto(
    `/?link_token=${linkToken}&Secret=upper-secret-1&CLIENT_ID=upper-client-2&sEcReT=mixed-secret-3&secret=lower-secret-4`,
  );

  // The page is never stored: a cached copy would be found again under that URL.
  expect(document?.headers()['cache-control']).toBe('no-store');
  // The scrub is a script of our own origin: the policy stays as strict as it was.
  expect(document?.headers()['content-security-policy']).toContain("script-src 'self';");

  const url = await page.evaluate(() => window.location.href);
  for (const value of ['upper-secret-1', 'upper-client-2', 'mixed-secret-3', 'lower-secret-4'])
    expect(url).not.toContain(value);
  expect(url).toContain(`link_token=${linkToken}`);
  // The app read the token from what was left.
  await expect(page.getByRole('textbox', { name: 'Link token' })).toHaveValue(linkToken);
  expect(violations).toEqual([]);
  // Replaced, not pushed: going back leads to where the browser was before, not to the credentials.
  await page.goBack();
  expect(page.url()).toBe('about:blank');
});

// The view is in the address bar: a reload on Batch stays on Batch, and Back from Batch returns
// to the lookup the user left there.
test('a reload on Batch stays on Batch; Back from Batch returns to the lookup', async ({ page }) => {
  const linkToken = scenarioToken('fresh');
  await page.goto(`/?link_token=${linkToken}`);
  const details = page.getByRole('region', { name: 'Link token details' });
  await expect(details).toBeVisible();
  const lookupTab = page.getByRole('tab', { name: 'Lookup' });
  const batchTab = page.getByRole('tab', { name: 'Batch' });

  await batchTab.click();
  await expect(page).toHaveURL(/[?&]view=batch/);
  await page.reload();
  await expect(batchTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Look up tokens' })).toBeVisible();

  await page.goBack();
  await expect(lookupTab).toHaveAttribute('aria-selected', 'true');
  expect(page.url()).not.toContain('view=');
  await expect(page.getByRole('textbox', { name: 'Link token' })).toHaveValue(linkToken);
  await expect(details).toBeVisible();
});
