import { expect, test, type Page } from '@playwright/test';
import { SIMULATOR_CLIENT_ID, SIMULATOR_SECRET } from '../src/simulator';
import { lookupForm } from './support/page';

// Lookups with credentials typed into the browser, then a search of everything the browser keeps
// or shows in its address bar: the secret must be in none of it. Runs against the real built
// server, with its real Content-Security-Policy, so the page must also work under that policy.

// A secret the simulator refuses (the error path), distinct enough that it cannot match anything
// by chance.
const WRONG_SECRET = 'e2e-wrong-secret-7c41d9f0b2';

async function everythingTheBrowserKept(page: Page): Promise<string> {
  const inPage = await page.evaluate(async () => {
    const dump = (storage: Storage) =>
      Array.from({ length: storage.length }, (_, i) => {
        const key = storage.key(i) ?? '';
        return `${key}=${storage.getItem(key)}`;
      });
    const databases = await indexedDB.databases();
    return {
      localStorage: dump(localStorage),
      sessionStorage: dump(sessionStorage),
      indexedDB: databases.map((database) => database.name),
      caches: await caches.keys(),
      cookie: document.cookie,
      url: location.href,
    };
  });
  const cookies = await page.context().cookies();
  return JSON.stringify({ ...inPage, cookies, pageUrl: page.url() });
}

async function lookUp(page: Page, linkToken: string, clientId: string, secret: string): Promise<number> {
  const form = lookupForm(page);
  await form.getByRole('textbox', { name: 'Link token' }).fill(linkToken);
  await form.getByRole('textbox', { name: 'Client ID' }).fill(clientId);
  await form.getByLabel('Secret', { exact: true }).fill(secret);
  const [response] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/link/token/get')),
    form.getByRole('button', { name: 'Look up', exact: true }).click(),
  ]);
  await expect(form.getByRole('button', { name: 'Look up', exact: true })).toBeEnabled();
  return response.status();
}

test('credentials typed in the browser end up in no storage, cookie or URL', async ({ page }) => {
  // Two lookups and a reload: more than the default budget on a busy machine.
  test.slow();
  // The browser reports a blocked script, style or eval as this DOM event (its console message
  // does not reach Playwright's console events).
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.assign(window, { cspViolations: violations });
    window.document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const requestedUrls: string[] = [];
  page.on('request', (request) => requestedUrls.push(request.url()));

  const document = await page.goto('/');
  expect(document?.headers()['content-security-policy']).toContain("script-src 'self'");

  const tokens = await (await page.request.get('/api/simulator/tokens')).json();
  const linkToken: string = tokens.tokens[0].link_token;

  await lookupForm(page)
    .getByRole('button', { name: /Credentials/ })
    .click();
  expect(await lookUp(page, linkToken, SIMULATOR_CLIENT_ID, SIMULATOR_SECRET)).toBe(200);
  expect(await lookUp(page, linkToken, SIMULATOR_CLIENT_ID, WRONG_SECRET)).toBeGreaterThanOrEqual(400);

  // Something was kept (recent lookups, the token in the URL): the search is not of an empty page.
  const kept = await everythingTheBrowserKept(page);
  expect(kept).toContain(linkToken);
  expect(kept).not.toContain(SIMULATOR_SECRET);
  expect(kept).not.toContain(WRONG_SECRET);

  // After a reload the browser has not restored the secret into the form either.
  await page.reload();
  await lookupForm(page)
    .getByRole('button', { name: /Credentials/ })
    .click();
  await expect(lookupForm(page).getByLabel('Secret', { exact: true })).toHaveValue('');
  const keptAfterReload = await everythingTheBrowserKept(page);
  expect(keptAfterReload).not.toContain(SIMULATOR_SECRET);
  expect(keptAfterReload).not.toContain(WRONG_SECRET);

  for (const url of requestedUrls) {
    expect(url).not.toContain(SIMULATOR_SECRET);
    expect(url).not.toContain(WRONG_SECRET);
  }
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual(
    [],
  );
});

test('credentials given to a batch end up in no storage, cookie or URL', async ({ page }) => {
  test.slow();
  await page.goto('/');
  const tokens = await (await page.request.get('/api/simulator/tokens')).json();
  const linkTokens: string[] = tokens.tokens
    .slice(0, 3)
    .map((token: { link_token: string }) => token.link_token);

  await page.getByRole('tab', { name: 'Batch' }).click();
  const batch = page.getByRole('region', { name: 'Batch lookup' });
  await batch.getByRole('textbox', { name: /^Tokens/ }).fill(linkTokens.join('\n'));
  // The simulator needs no credentials, so the section starts closed.
  await batch.getByText('Credentials (optional)').click();
  await batch.getByRole('textbox', { name: 'Client ID' }).fill(SIMULATOR_CLIENT_ID);
  await batch.getByLabel('Secret', { exact: true }).fill(WRONG_SECRET);
  const lookups: Promise<unknown>[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/api/link/token/get')) lookups.push(response.finished());
  });
  await batch.getByRole('button', { name: /^Look up \d+ tokens?$/ }).click();
  await expect.poll(() => lookups.length, { timeout: 30_000 }).toBe(linkTokens.length);
  await Promise.all(lookups);

  const kept = await everythingTheBrowserKept(page);
  expect(kept).not.toContain(WRONG_SECRET);
});
