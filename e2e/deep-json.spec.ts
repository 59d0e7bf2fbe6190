import { expect, test, type Page } from '@playwright/test';
import { MAX_JSON_DEPTH } from '../src/shared/json-depth';
import { scenarioToken } from '../src/simulator';
import { json, startFakeUpstream } from '../src/server/testing/fake-upstream';
import { startOwnServer } from './support/own-server';

// JSON nested far deeper than Plaid ever nests used to take the page down ("Maximum call stack
// size exceeded" at 1,000 levels, a crashed tab at 100,000). The server refuses such answers from
// upstream, and the generic key/value view cuts off whatever would still reach it.

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

// Records what would mean the page died: an uncaught error or a crashed tab.
function watchForDeath(page: Page): string[] {
  const deaths: string[] = [];
  page.on('pageerror', (error) => deaths.push(error.message));
  page.on('crash', () => deaths.push('the tab crashed'));
  return deaths;
}

for (const depth of [1_000, 100_000]) {
  test(`an unknown field nested ${depth.toLocaleString('en')} levels deep is shown cut off`, async ({
    page,
  }) => {
    // Parsing and drawing 100,000 levels takes seconds on a busy machine.
    test.slow();
    const deaths = watchForDeath(page);
    // The server would refuse this answer (see the next test), so it is put in its place here, as
    // if something between had let it through: Plaid's answer with one field added.
    await page.route('**/api/link/token/get', async (route) => {
      const answer = await route.fetch();
      const text = (await answer.text()).trimEnd();
      await route.fulfill({
        response: answer,
        body: `${text.slice(0, -1)},"deep_unknown_field":${nested(depth)}}`,
      });
    });
    await page.goto(`/?link_token=${scenarioToken('forward-compatible')}`);
    await page.getByRole('button', { name: 'Look up', exact: true }).click();

    await expect(page.getByText('deep_unknown_field', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(`(cut off: nested more than ${MAX_JSON_DEPTH} levels)`)).toBeVisible();
    await expect(page.getByText(/^\{"a":\{"a":.*…$/)).toBeVisible();
    // The rest of the answer is still there.
    await expect(page.getByText('Unknown expiry', { exact: true }).first()).toBeVisible();
    expect(deaths).toEqual([]);
  });
}

test('an upstream answer nested too deeply becomes an error from our server, not a dead page', async ({
  page,
}) => {
  test.slow();
  const upstream = await startFakeUpstream();
  upstream.answerWith(json(200, `{"request_id":"r","deep":${nested(100_000)}}`));
  const server = await startOwnServer({
    PLAID_UPSTREAM: 'plaid',
    PLAID_CLIENT_ID: 'server-client-id',
    PLAID_SECRET_SANDBOX: 'server-sandbox-secret',
    PLAID_SANDBOX_URL: upstream.url,
  });
  try {
    const deaths = watchForDeath(page);
    await page.goto(`${server.url}/?link_token=link-sandbox-af1a0311-da53-4636-b754-dd15cc058176`);
    await page.getByRole('button', { name: 'Look up', exact: true }).click();
    await expect(page.getByText('Error from the inspector’s server')).toBeVisible({ timeout: 30_000 });
    await expect(
      page
        .getByRole('definition')
        .filter({ hasText: `JSON nested deeper than ${MAX_JSON_DEPTH} levels` })
        .first(),
    ).toBeVisible();
    expect(deaths).toEqual([]);
  } finally {
    await server.stop();
    await upstream.close();
  }
});
