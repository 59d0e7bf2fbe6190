import { expect, test } from '@playwright/test';
import bcrypt from 'bcryptjs';
import { startOwnServer, type OwnServer } from './support/own-server';
import { lookupForm } from './support/page';

// The built server with AUTH_USERS, as an operator runs it on a network, used through the
// browser's own sign-in prompt (HTTP basic auth). It is started here, on a free port, because the
// shared test server runs without access control.

let server: OwnServer;
let baseUrl: string;

test.beforeAll(async () => {
  server = await startOwnServer({ AUTH_USERS: `alice:${bcrypt.hashSync('correct horse battery', 10)}` });
  baseUrl = server.url;
});

test.afterAll(() => server.stop());

test('a signed-in user can use the app; without signing in the browser is asked to', async ({
  browser,
  request,
}) => {
  // Starts a page and a lookup through sign-in: more than the default budget on a busy machine.
  test.slow();
  // The challenge that makes a browser show its sign-in prompt.
  const refused = await request.get(baseUrl);
  expect(refused.status()).toBe(401);
  expect(refused.headers()['www-authenticate']).toMatch(/^Basic realm=/);

  // httpCredentials answer the browser's sign-in prompt, as a person would.
  const signedIn = await browser.newContext({
    httpCredentials: { username: 'alice', password: 'correct horse battery' },
  });
  const page = await signedIn.newPage();
  expect((await page.goto(baseUrl))?.status()).toBe(200);
  // The app's own API calls carry the same sign-in.
  await expect(page.getByText('Simulator mode')).toBeVisible();
  const form = lookupForm(page);
  const tokens = await (await page.request.get(`${baseUrl}/api/simulator/tokens`)).json();
  await form.getByRole('textbox', { name: 'Link token' }).fill(tokens.tokens[0].link_token);
  const [lookup] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/link/token/get')),
    form.getByRole('button', { name: 'Look up', exact: true }).click(),
  ]);
  expect(lookup.status()).toBe(200);
  await signedIn.close();
});

test('a wrong password is refused', async ({ browser }) => {
  const context = await browser.newContext({
    httpCredentials: { username: 'alice', password: 'wrong horse' },
  });
  const response = await (await context.newPage()).goto(baseUrl);
  expect(response?.status()).toBe(401);
  await context.close();
});
