import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { lookUp, statusPanel } from './support/page';

// A QA engineer's run (issue 30): write a profile down, check a simulator token that passes and
// one that fails against it, and download the evidence of each with the verdict and every check.

const PASSING = 'link-sandbox-00000000-0000-4000-8000-000000000003'; // success: linked
const FAILING = 'link-sandbox-00000000-0000-4000-8000-000000000005'; // exit-item-login-required

async function evidenceOf(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await statusPanel(page)
    .getByRole('button', { name: /Download evidence: a report/ })
    .click();
  return readFile(await (await download).path(), 'utf8');
}

test('a profile checks a passing and a failing token, and the evidence holds the verdict and each check', async ({
  page,
}) => {
  const name = `Links a US bank ${Date.now()}`;
  await page.goto('/?view=profiles');
  await page.getByRole('button', { name: 'New profile' }).click();
  const form = page.getByRole('form', { name: 'QA profile' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Initial products').fill('transactions');
  await form.getByLabel('Country codes').fill('US');
  await form.getByLabel('The session should').selectOption('linked');
  await form.getByRole('button', { name: 'Save profile' }).click();
  const item = page.getByRole('listitem', { name });
  await item.getByRole('link', { name: 'Check a token with it' }).click();

  await expect(page).toHaveURL(/expect=qap_/);
  await lookUp(page, PASSING);
  const checks = page.getByRole('region', { name: new RegExp(`Checks against “${name}”`) });
  await expect(checks.getByText('Pass').first()).toBeVisible();
  const passed = await evidenceOf(page);
  for (const text of [name, 'Initial products', 'Country codes', 'Outcome']) expect(passed).toContain(text);
  expect(passed).toMatch(/pass/i);

  await lookUp(page, FAILING);
  await expect(checks.getByText('Fail').first()).toBeVisible();
  const failed = await evidenceOf(page);
  for (const text of [name, 'Initial products', 'Country codes', 'Outcome', 'ITEM_LOGIN_REQUIRED'])
    expect(failed).toContain(text);
  expect(failed).toMatch(/fail/i);
});
