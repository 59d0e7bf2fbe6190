import { expect, test } from '@playwright/test';
import { rmSync } from 'node:fs';
import { scenarioToken } from '../src/simulator';
import { newStoreDir, startOwnServer, type OwnServer } from './support/own-server';
import { lookUp, statusPanel } from './support/page';

// The store outlives the server: a token looked up, the server restarted on the same data
// directory, and the permalink of its kept answer shows the kept session with its label, without
// asking Plaid.

let dataDir: string | undefined;
let server: OwnServer | undefined;

test.afterAll(async () => {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('a kept answer opens by its permalink after a restart, labelled as the store’s copy', async ({
  page,
}) => {
  const token = scenarioToken('success');
  dataDir = newStoreDir();
  server = await startOwnServer({ DATA_DIR: dataDir });
  await page.goto(server.url);
  await lookUp(page, token);
  // Keeping is off the response's path: wait until the store has it.
  await expect
    .poll(async () => (await page.request.get(`${server!.url}/api/kept/${token}`)).status())
    .toBe(200);
  await server.stop();

  server = await startOwnServer({ DATA_DIR: dataDir });
  let askedPlaid = false;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/link/token/get')) askedPlaid = true;
  });
  await page.goto(`${server.url}/?link_token=${token}&kept=1`);
  await expect(
    page.getByText(/This is the answer the inspector’s store kept, as local saw it at/),
  ).toBeVisible();
  await expect(
    statusPanel(page)
      .getByText(/^Kept from a lookup by local at/)
      .first(),
  ).toBeVisible();
  expect(askedPlaid).toBe(false);
});
