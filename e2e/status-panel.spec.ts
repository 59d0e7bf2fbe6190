import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { listScenarioTokens, scenarioToken } from '../src/simulator';
import { answerHeading, attachScreenshot, errorPanel, statusPanel } from './page-helpers';

// The status panel and the error panel against the real built server in simulator mode: every
// simulator scenario is looked up, checked for what an operations user needs to see, screenshot
// and scanned with axe; then keyboard use, the raw JSON download, a phone-width screen and dark
// mode.

type Expectation = { panel: 'status' | 'error'; texts: RegExp[] };

// What each scenario must show. A scenario added to the simulator without an entry here fails
// the "covers every scenario" test, so this list stays complete.
const EXPECTED: Record<string, Expectation> = {
  fresh: { panel: 'status', texts: [/^Active$/, /No Link sessions: Link was never opened/] },
  'in-progress': { panel: 'status', texts: [/^In progress$/, /running for/] },
  success: {
    panel: 'status',
    texts: [/^Linked$/, /^Items added \(1\)$/, /^onSuccess$/, /Plaid’s default for linking a new Item/],
  },
  'several-sessions': { panel: 'status', texts: [/^Failed$/, /^Linked$/] },
  'exit-item-login-required': {
    panel: 'status',
    texts: [/^Failed$/, /^ITEM_LOGIN_REQUIRED$/, /Plaid’s default for update mode/],
  },
  'exit-institution-down': {
    panel: 'status',
    texts: [/^Failed$/, /^INSTITUTION_DOWN$/, /^The bank is down or in maintenance/],
  },
  oauth: { panel: 'status', texts: [/^Linked$/, /Went to the bank’s OAuth page/] },
  income: { panel: 'status', texts: [/^Bank income$/, /^Payroll income$/, /^Document income$/] },
  cra: {
    panel: 'status',
    texts: [/^Consumer Report Items added \(1\)$/, /^Consumer Report Items updated \(1\)$/],
  },
  expired: { panel: 'status', texts: [/^Expired$/, /expired 2 h/] },
  large: { panel: 'status', texts: [/^Link sessions \(300\)$/, /^Show 20 more sessions/] },
  'forward-compatible': { panel: 'status', texts: [/^Other fields$/, /^Unknown expiry$/] },
  live: { panel: 'status', texts: [/^Link sessions \(1\)$/] },
  production: { panel: 'status', texts: [/^production$/, /^Linked$/] },
  // The diagnosis fixtures: what each shows beyond its verdict (e2e/diagnosis.spec.ts checks the
  // verdict of every fixture).
  'unused-expired': { panel: 'status', texts: [/^Expired$/, /No Link sessions: Link was never opened/] },
  'no-session-data': { panel: 'status', texts: [/^Expired$/, /No Link sessions: Link was never opened/] },
  'abandoned-at-search': { panel: 'status', texts: [/Searched for “quokka bank”/] },
  'abandoned-without-exit': { panel: 'status', texts: [/^Moved to view CREDENTIAL$/] },
  'open-at-expiry': { panel: 'status', texts: [/^Moved to view MFA$/, /Plaid’s default for update mode/] },
  'down-bank-chosen': { panel: 'status', texts: [/^Selected an institution that is down$/] },
  'filtered-institution': {
    panel: 'status',
    texts: [/^Selected an institution filtered out by the token’s configuration$/],
  },
  'institution-not-found-auth': { panel: 'status', texts: [/Searched for “quokka credit union”/] },
  'redirect-uri-missing': { panel: 'status', texts: [/^Went to the bank’s OAuth page$/] },
  'exit-oauth-state-not-found': { panel: 'status', texts: [/^OAUTH_STATE_ID_NOT_FOUND$/] },
  'webhook-unreachable': { panel: 'status', texts: [/^https:\/\/plaid-hooks\.acme\.internal\/webhook$/] },
  'webhook-plain-http': { panel: 'status', texts: [/^http:\/\/api\.acme\.example\/plaid\/webhook$/] },
  'webhook-missing': { panel: 'status', texts: [/^not set$/] },
  'redirect-uri-invalid': {
    panel: 'status',
    texts: [/^production$/, /^http:\/\/app\.acme\.example\/plaid\/oauth\?from=link$/],
  },
  // Production tokens failing at a bank in each state of its health (e2e/institution-health.spec.ts
  // checks the health itself).
  'bank-down': { panel: 'status', texts: [/^Bank health: Quokka Credit Union$/, /^Down$/] },
  'bank-degraded': { panel: 'status', texts: [/^Bank health: Bilby Savings Bank$/, /^Degraded$/] },
  'bank-healthy': { panel: 'status', texts: [/^Bank health: Wells Fargo$/, /^Healthy$/] },
  'bank-no-status': { panel: 'status', texts: [/^Not enough traffic to report: /] },
  'bank-unlisted': { panel: 'status', texts: [/^Could not get this bank’s health: /] },
  'session-without-events': { panel: 'status', texts: [/^No events recorded for this session\.$/] },
  'fault-latency': { panel: 'status', texts: [/^Active$/] },
  'fault-500': { panel: 'error', texts: [/^Error from Plaid$/, /^INTERNAL_SERVER_ERROR$/] },
  'fault-502': { panel: 'error', texts: [/^Error from the inspector’s server$/] },
  'fault-503': { panel: 'error', texts: [/^Plaid is down for planned maintenance$/] },
  'fault-429': { panel: 'error', texts: [/^RATE_LIMIT_EXCEEDED$/, /^Try again in \d+ seconds?/] },
  'fault-malformed-json': { panel: 'error', texts: [/^Error from the inspector’s server$/] },
  'fault-truncated': { panel: 'error', texts: [/^Error from the inspector’s server$/] },
  'fault-reset': { panel: 'error', texts: [/^Error from the inspector’s server$/] },
  'fault-hang': { panel: 'error', texts: [/^Plaid did not answer in time$/] },
  unknown: { panel: 'error', texts: [/^Plaid does not know this link token/, /^INVALID_LINK_TOKEN$/] },
};

const SCENARIOS = listScenarioTokens();

async function lookUp(page: Page, token: string) {
  await page.goto(`/?link_token=${token}`);
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(answerHeading(page)).toBeVisible({ timeout: 30_000 });
}

// Scoped to the lookup tab's content: the app shell around it has its own axe checks
// (e2e/a11y.spec.ts).
async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('main').analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test('covers every simulator scenario', () => {
  expect(SCENARIOS.map((token) => token.scenario).sort()).toEqual(Object.keys(EXPECTED).sort());
});

for (const { scenario, link_token: token } of SCENARIOS) {
  test(`scenario ${scenario}: the panel says what happened, screenshot, no axe violations`, async ({
    page,
  }, testInfo) => {
    // The hanging upstream is ended by the proxy's own timeout; axe takes a while on big pages.
    test.setTimeout(120_000);
    const expected = EXPECTED[scenario];
    test.skip(!expected, 'covered by "covers every simulator scenario"');
    await lookUp(page, token);
    const panel = expected!.panel === 'status' ? statusPanel(page) : errorPanel(page);
    await expect(panel).toBeVisible();
    for (const text of expected!.texts) await expect(panel.getByText(text).first()).toBeVisible();
    if (expected!.panel === 'status') {
      // What Plaid support asks for is always on screen.
      await expect(panel.getByRole('button', { name: 'Copy request ID' })).toBeVisible();
    }
    await attachScreenshot(page, testInfo, scenario);
    await expectNoAxeViolations(page);
  });
}

test('an exit error links to Plaid’s documentation for its code', async ({ page }) => {
  await lookUp(page, scenarioToken('exit-item-login-required'));
  // The verdict and the failed session's card each link to the same page.
  const links = page.getByRole('link', { name: /Plaid’s docs for ITEM_LOGIN_REQUIRED/ });
  await expect(links).toHaveCount(2);
  for (const link of await links.all()) await expect(link).toHaveAttribute('href', 'https://plaid.com/docs/errors/item/#item_login_required');
});

test('works from the keyboard: time zone, session cards and event details', async ({ page }) => {
  await lookUp(page, scenarioToken('several-sessions'));
  const utc = page.getByRole('button', { name: 'UTC', exact: true });
  await utc.focus();
  await page.keyboard.press('Space');
  await expect(utc).toHaveAttribute('aria-pressed', 'true');
  await expect(statusPanel(page).locator('time').first()).toHaveText(/UTC$/);

  const firstCard = page.getByRole('article').first();
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
  await lookUp(page, token);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`link-token-${token}.json`);
  const body = JSON.parse(await readFile(await download.path(), 'utf8')) as { link_token: string };
  expect(body.link_token).toBe(token);

  await page.getByRole('button', { name: 'Show raw JSON' }).click();
  await expect(page.getByLabel('Raw JSON answer')).toContainText(`"link_token": "${token}"`);
});

test('pages through the large token’s sessions and keeps the page light', async ({ page }) => {
  await lookUp(page, scenarioToken('large'));
  const cards = statusPanel(page).getByRole('article');
  await expect(cards).toHaveCount(20);
  await page.getByRole('button', { name: /^Show 20 more sessions/ }).click();
  await expect(cards).toHaveCount(40);
  // Only the card of the session the verdict is about is open; the rest are one-line headers.
  await expect(
    statusPanel(page).getByRole('heading', { level: 4 }).getByRole('button', { expanded: true }),
  ).toHaveCount(1);
});

test('reads well on a 360 px wide phone screen, in dark mode', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await lookUp(page, scenarioToken('several-sessions'));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await attachScreenshot(page, testInfo, 'several-sessions-360px-dark');
  await expectNoAxeViolations(page);
});

test('the error panel reads well on a phone screen, in dark mode', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await lookUp(page, scenarioToken('unknown'));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await attachScreenshot(page, testInfo, 'unknown-360px-dark');
  await expectNoAxeViolations(page);
});
