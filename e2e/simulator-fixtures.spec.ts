import { expect, test } from '@playwright/test';
import { listScenarioTokens } from '../src/simulator';
import { errorPanel } from './page-helpers';

// Every simulator fixture token, picked in the real browser against the built server in simulator
// mode: each one ends in a readable answer (the token's details) or a specific error (with its
// HTTP status), never a blank page or an endless spinner.

// What the browser gets for each token that does not answer with the token's details.
const ERROR_STATUS: Record<string, number> = {
  unknown: 400,
  'fault-500': 500,
  'fault-502': 502,
  'fault-503': 503,
  'fault-429': 429,
  'fault-malformed-json': 502,
  'fault-truncated': 502,
  'fault-reset': 502,
  'fault-hang': 504, // after the server's PLAID_TIMEOUT_MS (10 s by default)
};

for (const { scenario, link_token } of listScenarioTokens()) {
  test(`fixture ${scenario} shows ${ERROR_STATUS[scenario] ? `HTTP ${ERROR_STATUS[scenario]}` : 'its details'}`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await page.goto('/');
    const picker = page.getByRole('region', { name: 'Simulator fixture tokens' });
    await picker.getByRole('button', { name: new RegExp(`^${scenario}\\b`) }).click();

    const status = ERROR_STATUS[scenario];
    if (status) {
      const panel = errorPanel(page);
      await expect(panel).toBeVisible({ timeout: 40_000 });
      await expect(panel).toContainText(`HTTP ${status}`);
    } else {
      const panel = page.getByRole('region', { name: 'Link token details' });
      await expect(panel).toBeVisible({ timeout: 40_000 });
      await expect(panel).toContainText(link_token);
    }
  });
}
