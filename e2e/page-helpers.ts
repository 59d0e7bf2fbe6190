import type { Locator, Page, TestInfo } from '@playwright/test';

// What several specs do with the page: find the lookup form and the answer, keep a whole-page
// screenshot. By role and name, as a user finds them, never by class names.

export function lookupForm(page: Page): Locator {
  return page.getByRole('form', { name: 'Look up a link token' });
}

export function statusPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Link token details' });
}

// Named by who failed and what went wrong: "Error from Plaid, Plaid does not know this link token".
export function errorPanel(page: Page): Locator {
  return page.getByRole('region', { name: /^Error (from|in) / });
}

// The heading a finished lookup moves focus to, in whichever panel answered.
export function answerHeading(page: Page): Locator {
  return statusPanel(page).or(errorPanel(page)).getByRole('heading', { level: 2 });
}

export function liveWatch(page: Page): Locator {
  return page.getByRole('group', { name: 'Live watch' });
}

// Saved in the test's output folder and attached to the report, so a reviewer can look at it.
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
