import { expect, test } from '@playwright/test';
import { scenarioToken } from '../src/simulator';
import { expectNoAxeViolations } from './support/axe';
import { startOwnServer, type OwnServer } from './support/own-server';
import { lookUp, statusPanel } from './support/page';

// History fills from lookups by itself: three fixtures looked up, History opened, filtered by an
// error code from its counts, a row opened to its kept answer, and the filtered view's address
// reopens the same view. Its own server, so that History holds these three tokens only.

let server: OwnServer | undefined;

test.afterAll(async () => {
  await server?.stop();
});

test('looked-up tokens show in History; a filtered view opens a kept answer and is shared by its address', async ({
  page,
}) => {
  // A server start (a new store) and three lookups: more than the default budget.
  test.slow();
  server = await startOwnServer({});
  const tokens = {
    linked: scenarioToken('success'),
    loginRequired: scenarioToken('exit-item-login-required'),
    down: scenarioToken('exit-institution-down'),
  };
  await page.goto(server.url);
  for (const token of Object.values(tokens)) await lookUp(page, token);
  // Keeping is off the response's path: wait until the store lists all three.
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`${server!.url}/api/history`)).json()) as { total: number }).total,
    )
    .toBe(3);

  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByRole('tabpanel', { name: 'History' });
  await expect(history.getByText('3 tokens')).toBeVisible();
  await history
    .getByRole('group', { name: 'Error code' })
    .getByRole('button', { name: /^ITEM_LOGIN_REQUIRED \d+$/ })
    .click();
  await expect(history.getByText('1 token', { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/[?&]view=history&error_code=ITEM_LOGIN_REQUIRED$/);
  const shared = page.url();

  const rows = history.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await history.getByRole('link', { name: new RegExp(tokens.loginRequired) }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]link_token=${tokens.loginRequired}&kept=1$`));
  await expect(page.getByText(/This is the answer the inspector’s store kept/)).toBeVisible();
  await expect(statusPanel(page)).toBeVisible();

  // The shared address, opened afresh, shows the same filtered view.
  await page.goto(shared);
  await expect(page.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
  await expect(history.getByText('1 token', { exact: true })).toBeVisible();
  await expect(history.getByRole('button', { name: /^ITEM_LOGIN_REQUIRED \d+$/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(history.getByRole('link', { name: new RegExp(tokens.loginRequired) })).toBeVisible();
  await expectNoAxeViolations(page, 'History filtered by an error code');
});
