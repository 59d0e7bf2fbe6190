import { expect, type Locator, type Page, type Response, type TestInfo } from '@playwright/test';

// What the specs do with the page, found by role and name as a user finds them, never by class
// names: the lookup form and its answer, a lookup, and (on request) a screenshot.

export const LOOKUP_PATH = '/api/link/token/get';

export function lookupForm(page: Page): Locator {
  return page.getByRole('form', { name: 'Look up a link token' });
}

export function tokenField(page: Page): Locator {
  return lookupForm(page).getByLabel('Link token');
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

export function batchPanel(page: Page): Locator {
  return page.getByRole('tabpanel', { name: 'Batch' });
}

// The app, loaded and ready (its server-mode notice is drawn once the server has answered).
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByText('answers are simulated, not from Plaid')).toBeVisible();
}

export async function openBatch(page: Page): Promise<Locator> {
  await openApp(page);
  await page.getByRole('tab', { name: 'Batch' }).click();
  return batchPanel(page);
}

// Types the token and presses Look up; resolves with the server's answer to it once the answer is
// drawn and focused.
export async function lookUp(page: Page, token: string): Promise<Response> {
  await tokenField(page).fill(token);
  const answered = page.waitForResponse(
    (response) =>
      response.url().endsWith(LOOKUP_PATH) &&
      (response.request().postDataJSON() as { link_token: string }).link_token === token,
  );
  await lookupForm(page).getByRole('button', { name: 'Look up', exact: true }).click();
  const response = await answered;
  await expect(answerHeading(page)).toBeFocused();
  return response;
}

// Whole-page screenshots, kept in the test's output folder and the report only when asked for
// (E2E_SCREENSHOTS=1): nothing asserts on them, and they cost seconds each. Failures are
// screenshot anyway (playwright.config.ts).
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS !== '1') return;
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

// What sticks out past the window's right edge (none: no sideways scrolling), each element named by
// its tag, role or label and text, so a failure says what to fix.
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth) return [];
    const sticking = [...document.body.querySelectorAll('*')].filter(
      (element) => element.getBoundingClientRect().right > window.innerWidth + 0.5,
    );
    // The innermost ones: their parents stick out only because of them.
    return sticking
      .filter((element) => !sticking.some((other) => other !== element && element.contains(other)))
      .slice(0, 5)
      .map((element) => {
        const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 60);
        return `<${element.tagName.toLowerCase()}> ${name} (right edge ${Math.round(element.getBoundingClientRect().right)} px)`;
      });
  });
}
