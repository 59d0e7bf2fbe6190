import { expect, test, type Page } from '@playwright/test';
import { scenarioToken } from '../src/simulator';
import { expectNoAxeViolations } from './support/axe';
import { errorPanel, keepScreenshot, lookUp, lookupForm, openApp, tokenField } from './support/page';

// Accessibility of the lookup flow: the whole flow works from the keyboard alone, and axe finds
// no violations in its representative states, in light and dark mode, wide and phone-sized.

// Presses Tab until `target` has focus, so the test fails if it is not reachable by keyboard.
async function tabTo(page: Page, target: ReturnType<Page['locator']>, maxPresses = 40) {
  for (let press = 0; press < maxPresses; press++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${target} with ${maxPresses} Tab presses`);
}

// axe runs six times a test, slow on a busy 2-core machine.
test.setTimeout(180_000);

test.beforeEach(async ({ page }) => {
  await openApp(page);
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

  // A fixture token, picked by keyboard (past the answer's controls and the fixture list before it),
  // gives an error; focus lands on it.
  const picker = page.getByRole('region', { name: 'Simulator fixture tokens' });
  await tabTo(page, picker.getByRole('button', { name: /^unknown/ }), 120);
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

// Representative states of the app, each reached in turn in ONE page per colour scheme: the form
// explaining a wrong token with its credentials open, an answer that linked, a failed session,
// Plaid's error, the inspector's own error, and a phone-width answer. The app shell is in each.
// (Batch's states are checked in batch-triage.spec.ts.)
const STATES: { name: string; reach: (page: Page) => Promise<unknown> }[] = [
  {
    name: 'invalid-token-credentials-open',
    reach: async (page) => {
      await tokenField(page).fill('access-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d');
      await lookupForm(page)
        .getByRole('button', { name: /Credentials/ })
        .click();
      await expect(page.getByText(/This is an access_token/)).toBeVisible();
    },
  },
  { name: 'success', reach: (page) => lookUp(page, scenarioToken('success')) },
  {
    name: 'exit-item-login-required',
    reach: (page) => lookUp(page, scenarioToken('exit-item-login-required')),
  },
  { name: 'unknown', reach: (page) => lookUp(page, scenarioToken('unknown')) },
  { name: 'fault-502', reach: (page) => lookUp(page, scenarioToken('fault-502')) },
  {
    name: 'phone-several-sessions',
    reach: async (page) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await lookUp(page, scenarioToken('several-sessions'));
    },
  },
];

for (const scheme of ['light', 'dark'] as const) {
  test(`no axe violations in ${scheme} mode: ${STATES.map((state) => state.name).join(', ')}`, async ({
    page,
  }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const state of STATES) {
      await state.reach(page);
      await keepScreenshot(page, testInfo, `${scheme}-${state.name}`);
      await expectNoAxeViolations(page, `${scheme}: ${state.name}`);
    }
  });
}
