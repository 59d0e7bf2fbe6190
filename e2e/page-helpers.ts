import type { Locator, Page, TestInfo } from '@playwright/test';

// What several specs do with the page: find the lookup form, keep a whole-page screenshot.

export function lookupForm(page: Page): Locator {
  return page.getByRole('form', { name: 'Look up a link token' });
}

// Saved in the test's output folder and attached to the report, so a reviewer can look at it.
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
