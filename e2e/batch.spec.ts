import { readFile } from 'node:fs/promises';
import { expect, test, type Locator } from '@playwright/test';
import { scenarioToken } from '../src/simulator';
import { openBatch } from './support/page';

// The batch view's downloads, in a real browser against the built server in simulator mode: a
// log excerpt goes in, the CSV and JSON exports come out as files holding the rows and nothing
// else. Back-off, sorting, filtering and cancel are proven without a browser
// (src/client/features/batch/components/BatchView.test.tsx, BatchTriage.test.tsx); triage, the
// drawer and the phone layout in batch-triage.spec.ts.

const FRESH = scenarioToken('fresh');
const SUCCESS = scenarioToken('success');
const EXPIRED = scenarioToken('expired');
const UNKNOWN = scenarioToken('unknown');

const LOG_EXCERPT = [
  `2026-11-25T06:00:01Z INFO  created link_token=${FRESH} user=qa-17`,
  '2026-11-25T06:00:02Z DEBUG heartbeat ok',
  `2026-11-25T06:00:03Z INFO  link opened token=${SUCCESS}`,
  `2026-11-25T06:00:04Z WARN  lookup failed token=${EXPIRED} (retrying ${EXPIRED})`,
  `{"ticket": 4711, "link_token": "${UNKNOWN}"}`,
].join('\n');

function rows(batch: Locator): Locator {
  return batch.getByRole('table').locator('tbody tr');
}

test('a pasted log excerpt is looked up and exported as CSV and JSON files', async ({ page }) => {
  const batch = await openBatch(page);
  await batch.getByLabel(/Tokens, or any text/).fill(LOG_EXCERPT);
  await expect(batch.getByText(/^4 unique link tokens found/)).toBeVisible();
  await batch.getByRole('button', { name: 'Look up 4 tokens' }).click();
  await expect(batch.getByText(/^Done: /)).toBeVisible({ timeout: 30_000 });
  await expect(rows(batch)).toHaveCount(4);

  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    batch.getByRole('button', { name: 'Export CSV (4 rows)' }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^link-token-batch-\d{8}T\d{6}\.csv$/);
  const lines = (await readFile(await csvDownload.path(), 'utf8')).trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^link_token,environment,verdict,/);
  expect(lines).toHaveLength(5);
  expect(lines.find((line) => line.startsWith(UNKNOWN))).toContain(',Lookup failed,');
  expect(lines.find((line) => line.startsWith(SUCCESS))).toContain(',Linked,');

  const [jsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    batch.getByRole('button', { name: 'Export JSON (4 rows)' }).click(),
  ]);
  const exported = JSON.parse(await readFile(await jsonDownload.path(), 'utf8'));
  expect(exported.tokens.map((entry: { link_token: string }) => entry.link_token).sort()).toEqual(
    [FRESH, SUCCESS, EXPIRED, UNKNOWN].sort(),
  );
  expect(
    exported.tokens.find((entry: { link_token: string }) => entry.link_token === SUCCESS).response.link_token,
  ).toBe(SUCCESS);
});
