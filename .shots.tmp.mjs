import { chromium } from '@playwright/test';
const base = process.env.BASE ?? 'http://127.0.0.1:3216';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [w, h] of [[1280, 800], [390, 844]]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  page.on('console', (m) => { if (m.type() === 'error') console.log('console error', m.text()); });
  await page.goto(base);
  await page.getByRole('tab', { name: 'Batch' }).click();
  await page.getByRole('button', { name: 'Fill in every simulator fixture token' }).click();
  await page.getByRole('button', { name: /^Look up \d+ tokens$/ }).click();
  await page.getByText(/^Done:/).waitFor({ timeout: 90_000 });
  await page.screenshot({ path: `/tmp/h16/done-${w}.png` });
  await page.screenshot({ path: `/tmp/h16/done-${w}-full.png`, fullPage: true });
  const first = page.getByRole('button', { name: /^Show details for / }).nth(4);
  await first.click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/h16/drawer-${w}.png` });
  await page.keyboard.press('j');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/h16/drawer-j-${w}.png` });
  await page.keyboard.press('Escape');
  await page.mouse.wheel(0, 900);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/h16/scrolled-${w}.png` });
  await page.close();
}
await browser.close();
