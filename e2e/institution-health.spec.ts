import { expect, test, type Locator, type Page } from '@playwright/test';
import { scenarioToken } from '../src/simulator';
import { answerHeading, attachScreenshot, statusPanel } from './page-helpers';

// Institution health on a failed session, against the real built server in simulator mode: the
// simulator's bank-… tokens are Production tokens whose one session failed at a bank in each state
// of health (its /institutions/get_by_id fixtures), and exit-institution-down is a Sandbox one.

async function lookUp(page: Page, token: string) {
  await page.goto(`/?link_token=${token}`);
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(answerHeading(page)).toBeVisible({ timeout: 30_000 });
}

// The bank-health part of the first (open) session card, found by its heading.
function bankHealth(page: Page, name: string | RegExp): Locator {
  return statusPanel(page)
    .getByRole('article')
    .first()
    .locator('div', { has: page.getByRole('heading', { name, level: 5 }) })
    .last();
}

test('down: logins down up front, and the incident that overlaps the session highlighted', async ({
  page,
}, testInfo) => {
  await lookUp(page, scenarioToken('bank-down'));
  const health = bankHealth(page, 'Bank health: Quokka Credit Union');
  await expect(health).toBeVisible();
  await expect(health.getByText('Item logins', { exact: true })).toBeVisible();
  await expect(health.getByText('Down', { exact: true })).toBeVisible();
  await expect(health.getByText('4% succeed; 94% fail at the bank, 2% at Plaid')).toBeVisible();
  await expect(health.getByText('The bank was having trouble while this session ran.')).toBeVisible();
  await expect(health.getByText('Incidents during this session')).toBeVisible();
  await expect(health.getByText('Quokka Credit Union: logins and updates failing')).toBeVisible();
  // The rates are Plaid's latest; the session ended a while ago: said so.
  await expect(health.getByText(/may fall outside them/)).toBeVisible();
  // Product statuses wait behind the toggle.
  await expect(health.getByText('Transactions updates')).toBeHidden();
  await health.getByRole('button', { name: /Show every product’s status/ }).click();
  await expect(health.getByText('Transactions updates')).toBeVisible();
  await expect(health.getByText('Identity', { exact: true })).toBeVisible();
  await attachScreenshot(page, testInfo, 'bank-down');
});

test('degraded: the rates and since when, the old maintenance only behind the toggle', async ({ page }) => {
  await lookUp(page, scenarioToken('bank-degraded'));
  const health = bankHealth(page, 'Bank health: Bilby Savings Bank');
  await expect(health.getByText('Degraded', { exact: true }).first()).toBeVisible();
  await expect(health.getByText('64% succeed; 33% fail at the bank, 3% at Plaid')).toBeVisible();
  await expect(health.getByText(/· since/).first()).toBeVisible();
  await expect(health.getByText('Incidents during this session')).toHaveCount(0);
  await expect(health.getByText('Bilby Savings Bank: scheduled maintenance')).toHaveCount(0);
  await health.getByRole('button', { name: /Show every product’s status and other incidents/ }).click();
  await expect(health.getByText('Bilby Savings Bank: scheduled maintenance')).toBeVisible();
  await expect(health.getByText('Not enough traffic to report')).toBeVisible();
});

test('healthy: the failure was not the bank’s', async ({ page }) => {
  await lookUp(page, scenarioToken('bank-healthy'));
  const health = bankHealth(page, 'Bank health: Wells Fargo');
  await expect(health.getByText('Healthy', { exact: true })).toBeVisible();
  await expect(health.getByText(/the failure was not the bank’s/)).toBeVisible();
});

test('no status (null): not enough traffic to report', async ({ page }) => {
  await lookUp(page, scenarioToken('bank-no-status'));
  const health = bankHealth(page, /^Bank health/);
  await expect(health.getByText(/^Not enough traffic to report: Plaid sees too few logins/)).toBeVisible();
});

test('unknown id: a short message, and the rest of the answer stays', async ({ page }) => {
  await lookUp(page, scenarioToken('bank-unlisted'));
  const health = bankHealth(page, /^Bank health/);
  await expect(health.getByText(/^Could not get this bank’s health: /)).toBeVisible();
  await expect(statusPanel(page).getByRole('heading', { name: /^Link sessions/ })).toBeVisible();
  await expect(statusPanel(page).getByRole('button', { name: 'Copy request ID' })).toBeVisible();
});

test('Sandbox: Plaid reports no health there, and nobody is asked', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/institutions/')) asked.push(request.url());
  });
  await lookUp(page, scenarioToken('exit-institution-down'));
  const health = bankHealth(page, /^Bank health/);
  await expect(health.getByText(/^Sandbox: Plaid reports no institution health/)).toBeVisible();
  expect(asked).toEqual([]);
});

test('a successful session asks nothing about its bank', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/institutions/')) asked.push(request.url());
  });
  await lookUp(page, scenarioToken('production'));
  await expect(statusPanel(page).getByText('Linked', { exact: true }).first()).toBeVisible();
  await expect(statusPanel(page).getByRole('heading', { name: /^Bank health/ })).toHaveCount(0);
  expect(asked).toEqual([]);
});

test('in Batch, each institution group shows its bank’s health, one request per bank', async ({
  page,
}, testInfo) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/institutions/')) asked.push(request.postData() ?? '');
  });
  await page.goto('/');
  await page.getByRole('tab', { name: 'Batch' }).click();
  const batch = page.getByRole('tabpanel', { name: 'Batch' });
  const tokens = ['bank-down', 'bank-degraded', 'bank-healthy', 'bank-no-status', 'exit-institution-down'];
  await batch.getByLabel(/Tokens, or any text/).fill(tokens.map((name) => scenarioToken(name)).join('\n'));
  await batch.getByRole('button', { name: 'Look up 5 tokens' }).click();
  await expect(batch.getByText(/^Done:/)).toBeVisible({ timeout: 30_000 });

  const institutions = batch.getByRole('group', { name: 'Institution' });
  const bank = (name: string) =>
    institutions
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', { name: new RegExp(`^${name} \\d+$`) }) });
  await expect(bank('Quokka Credit Union').getByText('Down', { exact: true })).toBeVisible();
  await expect(bank('Quokka Credit Union').getByText('4% succeed')).toBeVisible();
  await expect(bank('Quokka Credit Union').getByText('Incident', { exact: true })).toBeVisible();
  await expect(bank('Bilby Savings Bank').getByText('Degraded', { exact: true })).toBeVisible();
  await expect(bank('Wells Fargo').getByText('Healthy', { exact: true })).toBeVisible();
  await expect(institutions.getByText('Not enough traffic to report')).toBeVisible();
  // The Sandbox token's bank is not asked, and the line under the counts says why.
  await expect(institutions.getByText(/Sandbox: Plaid reports no institution health/)).toBeVisible();
  expect(asked).toHaveLength(4);
  await attachScreenshot(page, testInfo, 'batch-bank-health');
});
