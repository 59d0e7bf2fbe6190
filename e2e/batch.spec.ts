import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { scenarioToken } from '../src/simulator';

// The batch view against the real built server in simulator mode: a log excerpt with fixture
// tokens goes in; progress, the simulator's 429 fault (back-off), sort, filter, details, export
// and cancel are checked in a real browser. Triage (breakdown, drawer, retry, phone layout):
// batch-triage.spec.ts.

const FRESH = scenarioToken('fresh');
const SUCCESS = scenarioToken('success');
const EXPIRED = scenarioToken('expired');
const UNKNOWN = scenarioToken('unknown');
const RATE_LIMITED = scenarioToken('fault-429');

const LOG_EXCERPT = [
  `2026-11-25T06:00:01Z INFO  created link_token=${FRESH} user=qa-17`,
  '2026-11-25T06:00:02Z DEBUG heartbeat ok',
  `2026-11-25T06:00:03Z INFO  link opened token=${SUCCESS}`,
  `2026-11-25T06:00:04Z WARN  lookup failed token=${EXPIRED} (retrying ${EXPIRED})`,
  `2026-11-25T06:00:05Z ERROR upstream 429 for ${RATE_LIMITED}`,
  `{"ticket": 4711, "link_token": "${UNKNOWN}"}`,
].join('\n');

async function openBatch(page: Page): Promise<Locator> {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Batch' }).click();
  return page.getByRole('tabpanel', { name: 'Batch' });
}

async function paste(batch: Locator, text: string) {
  await batch.getByLabel(/Tokens, or any text/).fill(text);
}

function rows(batch: Locator): Locator {
  return batch.getByRole('table').locator('tbody tr');
}

function cells(batch: Locator, column: string): Locator {
  return rows(batch).locator(`td[data-label="${column}"]`);
}

test('looks up a pasted log excerpt, backs off on 429, sorts, filters, opens a row and exports', async ({
  page,
}) => {
  // Three retries of the 429 token, 2 s apart (the simulator's Retry-After), come on top.
  test.setTimeout(60_000);
  const batch = await openBatch(page);
  await paste(batch, LOG_EXCERPT);

  await expect(batch.getByText('5 unique link tokens found (1 duplicate removed).')).toBeVisible();
  await batch.getByText('1 line without a link token ignored').click();
  await expect(batch.getByText('Line 2:')).toContainText('heartbeat ok');

  await batch.getByRole('button', { name: 'Look up 5 tokens' }).click();

  // The simulator's 429 fault carries Retry-After: the whole pool pauses, visibly.
  await expect(
    batch.getByText(/^Rate limited by the server: pausing all lookups for \d seconds?\.$/),
  ).toBeVisible();
  await expect(
    batch.getByText(/\d of 5 done · \d+ failed lookups? · [1-9]\d* rate-limit waits?/),
  ).toBeVisible();
  await expect(batch.getByText('Done: 5 of 5 looked up, 2 lookups failed.')).toBeVisible({ timeout: 30_000 });
  await expect(batch.getByText('Waited for a rate limit 3 times')).toBeVisible();
  await expect(rows(batch)).toHaveCount(5);

  const rateLimitedRow = rows(batch).filter({ has: page.getByTitle(RATE_LIMITED) });
  // Plaid's code for it (the type is RATE_LIMIT_EXCEEDED), after the bounded retries.
  await expect(rateLimitedRow.locator('td[data-label="Error code"]')).toHaveText('RATE_LIMIT');
  await expect(rateLimitedRow.locator('td[data-label="Verdict"]')).toHaveText('Lookup failed');
  await expect(rows(batch).filter({ has: page.getByTitle(UNKNOWN) })).toContainText('INVALID_LINK_TOKEN');
  // Its one session ended without linking, and the token has expired since: two different answers.
  const expiredRow = rows(batch).filter({ has: page.getByTitle(EXPIRED) });
  await expect(expiredRow.locator('td[data-label="Verdict"]')).toHaveText('Abandoned');
  await expect(expiredRow.locator('td[data-label="Token validity"]')).toHaveText('Expired');
  await expect(rows(batch).filter({ has: page.getByTitle(SUCCESS) })).toContainText('Linked');

  // Sort by verdict, worst first.
  const verdictHeader = batch.getByRole('columnheader', { name: /Verdict/ });
  await verdictHeader.getByRole('button').click();
  await expect(verdictHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(cells(batch, 'Verdict')).toHaveText([
    'Lookup failed',
    'Lookup failed',
    'Abandoned',
    'Never opened',
    'Linked',
  ]);
  await verdictHeader.getByRole('button').click();
  await expect(verdictHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(cells(batch, 'Verdict').first()).toHaveText('Linked');

  // Filter by verdict, then by text.
  await batch.getByRole('button', { name: 'Lookup failed 2' }).click();
  await expect(rows(batch)).toHaveCount(2);
  await batch.getByLabel('Filter rows').fill('rate_limit');
  await expect(rows(batch)).toHaveCount(1);
  await batch.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows(batch)).toHaveCount(5);

  await page.screenshot({ path: test.info().outputPath('batch-view.png'), fullPage: true });
  const accessibility = await new AxeBuilder({ page })
    .include('main')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(accessibility.violations).toEqual([]);

  // A row opens the full status panel in the drawer.
  await batch.getByRole('button', { name: `Show details for ${SUCCESS}` }).click();
  const details = batch.getByRole('region', { name: `Details for ${SUCCESS}` });
  await expect(details).toBeVisible();
  await expect(details.getByRole('heading', { level: 2 }).first()).toBeFocused();
  await expect(details).toContainText('Request ID');
  await expect(details).toContainText('Handed off to the app');

  // Exports: the downloaded files hold the rows, and nothing else.
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    batch.getByRole('button', { name: 'Export CSV (5 rows)' }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^link-token-batch-\d{8}T\d{6}\.csv$/);
  const csv = await readFile(await csvDownload.path(), 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe(
    'link_token,environment,verdict,summary,who_acts_next,next_step,error_code,exit_status,institution,' +
      'institution_id,step_reached,last_activity_at,token_validity,expiration,sessions,error_message,request_id',
  );
  expect(lines).toHaveLength(6);
  expect(lines.find((line) => line.startsWith(RATE_LIMITED))).toContain(',Lookup failed,');

  const [jsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    batch.getByRole('button', { name: 'Export JSON (5 rows)' }).click(),
  ]);
  const exported = JSON.parse(await readFile(await jsonDownload.path(), 'utf8'));
  expect(exported.tokens.map((entry: { link_token: string }) => entry.link_token).sort()).toEqual(
    [FRESH, SUCCESS, EXPIRED, RATE_LIMITED, UNKNOWN].sort(),
  );
  expect(
    exported.tokens.find((entry: { link_token: string }) => entry.link_token === SUCCESS).response.link_token,
  ).toBe(SUCCESS);
});

test('cancel stops the batch and marks what was not looked up', async ({ page }) => {
  const batch = await openBatch(page);
  // The 429 token pauses the pool first thing, so the rest is still queued when Cancel is pressed.
  const queued = Array.from(
    { length: 12 },
    (_, n) => `link-sandbox-${String(n).padStart(8, '0')}-1111-4111-8111-111111111111`,
  );
  await paste(batch, [RATE_LIMITED, ...queued].join('\n'));
  await batch.getByRole('button', { name: 'Look up 13 tokens' }).click();
  await expect(batch.getByText(/^Rate limited by the server/)).toBeVisible();

  await batch.getByRole('button', { name: 'Cancel batch' }).click();

  await expect(batch.getByText(/^Cancelled after \d+ of 13 lookups/)).toBeVisible();
  await expect(batch.getByRole('button', { name: 'Cancel batch' })).toBeHidden();
  const statuses = await cells(batch, 'Verdict').allTextContents();
  expect(statuses).toContain('Cancelled');
  expect(statuses.filter((status) => status === 'Pending')).toEqual([]);
  // A new batch can start right away.
  await batch.getByRole('button', { name: 'Change the tokens' }).click();
  await expect(batch.getByRole('button', { name: 'Look up 13 tokens' })).toBeEnabled();
});
