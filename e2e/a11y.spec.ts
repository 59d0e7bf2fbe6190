import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { scenarioToken } from '../src/simulator';
import { answerHeading, attachScreenshot, errorPanel, lookupForm } from './page-helpers';

// Accessibility of the lookup flow: the whole flow works from the keyboard alone, and axe finds
// no violations in any main state, in light and dark mode, wide and phone-sized.

async function expectNoAxeViolations(page: Page, testInfo: TestInfo, name: string) {
  await attachScreenshot(page, testInfo, name);
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    where: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
  }));
  expect(summary, `axe violations in state "${name}"`).toEqual([]);
}

// Presses Tab until `target` has focus, so the test fails if it is not reachable by keyboard.
async function tabTo(page: Page, target: ReturnType<Page['locator']>, maxPresses = 40) {
  for (let press = 0; press < maxPresses; press++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${target} with ${maxPresses} Tab presses`);
}

// axe and whole-page screenshots are slow on a busy 2-core machine.
test.setTimeout(180_000);

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('answers are simulated, not from Plaid')).toBeVisible();
});

test('the whole lookup flow works from the keyboard', async ({ page }) => {
  const field = lookupForm(page).getByLabel('Link token');
  await tabTo(page, field, 3);
  await page.keyboard.type('link-development-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d');
  await expect(page.getByText(/Plaid retired the Development environment/)).toBeVisible();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(scenarioToken('success'));

  // Credentials: open the section, fill both, show and hide the secret, all by keyboard.
  await page.keyboard.press('Tab');
  await expect(lookupForm(page).getByRole('button', { name: /Credentials/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(lookupForm(page).getByLabel('Client ID')).toBeFocused();
  await page.keyboard.type('simulator-client-id');
  await page.keyboard.press('Tab');
  await page.keyboard.type('simulator-secret');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Show secret' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(lookupForm(page).getByLabel('Secret', { exact: true })).toHaveAttribute('type', 'text');
  await page.keyboard.press('Space');
  await expect(lookupForm(page).getByLabel('Secret', { exact: true })).toHaveAttribute('type', 'password');

  // Enter submits; focus lands on the answer.
  await field.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Link token details' })).toBeFocused();

  // A fixture token, picked by keyboard, gives an error; focus lands on it.
  const picker = page.getByRole('region', { name: 'Simulator fixture tokens' });
  await tabTo(page, picker.getByRole('button', { name: /^unknown/ }), 80);
  await page.keyboard.press('Enter');
  await expect(errorPanel(page).getByRole('heading', { level: 2 })).toBeFocused();

  // Recent lookups re-run by keyboard.
  const rerun = page.getByRole('button', { name: `Re-run ${scenarioToken('success')}`, exact: false });
  await tabTo(page, rerun, 80);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Link token details' })).toBeFocused();

  // Tabs switch with the arrow keys.
  await page.getByRole('tab', { name: 'Lookup' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Batch' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Batch' })).toHaveAttribute('aria-selected', 'true');
  await expect(lookupForm(page)).toBeHidden();
  await page.keyboard.press('ArrowLeft');
  await expect(lookupForm(page)).toBeVisible();
});

// The main states of the lookup view; every one is checked in light mode, the most different
// ones in dark mode too.
const STATES: { name: string; dark: boolean; reach: (page: Page) => Promise<void> }[] = [
  { name: 'empty', dark: true, reach: async () => {} },
  {
    name: 'invalid-token-credentials-open',
    dark: false,
    reach: async (page) => {
      await lookupForm(page)
        .getByLabel('Link token')
        .fill('access-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d');
      await lookupForm(page)
        .getByRole('button', { name: /Credentials/ })
        .click();
      await expect(page.getByText(/This is an access_token/)).toBeVisible();
    },
  },
  ...[
    { scenario: 'success', dark: true },
    { scenario: 'expired', dark: false },
    { scenario: 'in-progress', dark: false },
    { scenario: 'unknown', dark: true },
    { scenario: 'fault-502', dark: false },
  ].map(({ scenario, dark }) => ({
    name: scenario,
    dark,
    reach: async (page: Page) => {
      await lookupForm(page).getByLabel('Link token').fill(scenarioToken(scenario));
      await page.getByRole('button', { name: 'Look up', exact: true }).click();
      await expect(answerHeading(page)).toBeFocused({
        timeout: 30_000,
      });
    },
  })),
];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    for (const state of STATES.filter((candidate) => scheme === 'light' || candidate.dark)) {
      test(`no axe violations: ${state.name}`, async ({ page }, testInfo) => {
        await state.reach(page);
        await expectNoAxeViolations(page, testInfo, `${scheme}-${state.name}`);
      });
    }

    test('no axe violations on a 360 px wide screen', async ({ page }, testInfo) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await lookupForm(page).getByLabel('Link token').fill(scenarioToken('several-sessions'));
      await page.getByRole('button', { name: 'Look up', exact: true }).click();
      await expect(page.getByRole('heading', { name: 'Link token details' })).toBeFocused();
      // The shell, form, toolbar and side panels fit the screen (the status panel checks its own).
      const parts = [
        page.getByRole('banner'),
        page.getByRole('tablist'),
        lookupForm(page),
        page.getByRole('group', { name: 'Live watch' }),
        page.getByRole('button', { name: 'Copy link', exact: true }),
        page.getByRole('region', { name: 'Simulator fixture tokens' }),
        page.getByRole('region', { name: 'Recent lookups' }),
      ];
      for (const part of parts) {
        const box = await part.boundingBox();
        expect(box, `${part} is on screen`).not.toBeNull();
        expect(box!.x + box!.width).toBeLessThanOrEqual(360);
      }
      await expectNoAxeViolations(page, testInfo, `${scheme}-phone-several-sessions`);
    });
  });
}
