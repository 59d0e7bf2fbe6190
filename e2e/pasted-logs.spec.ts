import { expect, test, type Page } from '@playwright/test';
import { scenarioToken } from '../src/simulator';
import { EVENTS_WEBHOOK_BODY, LOGS_LINK_TOKEN, WEB_SDK_LOG_LINES } from '../src/shared/test/client-logs';
import { keepScreenshot, lookupForm, statusPanel } from './support/page';

// Link client logs pasted into the lookup's field are read in a worker and diagnosed on the page:
// what needs a browser is the real paste, the worker and the two answers side by side.

// Plaid (the simulator) has no session data for this token: the logs are all there is.
const NO_SESSION_DATA = scenarioToken('no-session-data');

async function pasteIntoField(page: Page, text: string) {
  await page.goto('/');
  await expect(page.getByText('answers are simulated, not from Plaid')).toBeVisible();
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await lookupForm(page).getByLabel('Link token').focus();
  await page.keyboard.press('ControlOrMeta+V');
}

function pastedLogs(page: Page) {
  return page.getByTestId('pasted-logs-answer');
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('an EVENTS webhook body gives the verdict with bank and code, beside Plaid’s answer for its token', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await pasteIntoField(page, EVENTS_WEBHOOK_BODY.replace(LOGS_LINK_TOKEN, NO_SESSION_DATA));

  const answer = pastedLogs(page);
  await expect(answer.getByRole('heading', { name: 'From pasted logs' })).toBeVisible();
  await expect(
    answer.getByText(
      'Link failed at Tartan Bank with INSTITUTION_NOT_RESPONDING (exit status requires_credentials).',
      {
        exact: true,
      },
    ),
  ).toBeVisible();
  // The token in the body is looked up too: Plaid's answer (no session data) is below.
  await expect(statusPanel(page)).toBeVisible();
  await expect(lookupForm(page).getByLabel('Link token')).toHaveValue(NO_SESSION_DATA);
  await keepScreenshot(page, testInfo, 'pasted-logs-1280x800');
  await page.setViewportSize({ width: 390, height: 844 });
  await keepScreenshot(page, testInfo, 'pasted-logs-390x844');
});

test('web-SDK log lines give the verdict with bank and code, without asking Plaid', async ({ page }) => {
  const lookups: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/link/token/get')) lookups.push(request.url());
  });
  await pasteIntoField(page, `Checkout opened Plaid Link\n${WEB_SDK_LOG_LINES}`);

  const answer = pastedLogs(page);
  await expect(
    answer.getByText(
      'Link failed at First Platypus Bank with INVALID_CREDENTIALS (exit status requires_credentials).',
      {
        exact: true,
      },
    ),
  ).toBeVisible();
  await expect(answer.getByText('Read 7 entries; could not read 1 line or block.')).toBeVisible();
  expect(lookups).toEqual([]);
});
