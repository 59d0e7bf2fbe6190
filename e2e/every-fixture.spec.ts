import { expect, test, type Locator, type Page } from '@playwright/test';
import { diagnose, VERDICT_LABELS } from '../src/shared/diagnosis';
import { LinkTokenGetResponseSchema } from '../src/shared/schemas/link-token-get-response';
import { listScenarioTokens } from '../src/simulator';
import { answerHeading, errorPanel, lookUp, openApp, overflowingElements, statusPanel } from './support/page';

// Every simulator fixture token (faults and the unknown token included), looked up one after
// another in ONE page per screen size against the built server: what only a real layout shows.
// Outcome first (issue 14): the verdict word, the institution and the error code are on the
// answer's first screen, measured from the answer's top (360 px at 1280x800, 600 px at 390x844),
// and nothing is wider than the screen (down to 360 px). What each answer says is proven without
// a browser (src/client/components/answer/EveryFixture.test.tsx, src/server/through-simulator.test.ts).

const FIXTURES = listScenarioTokens();

// The bank-health fixtures ask the server about their bank after the answer is drawn: the walk
// waits for the health, so it checks the page as the user ends up seeing it.
const BANK_HEALTH: Record<string, string> = {
  'bank-down': 'Down',
  'bank-degraded': 'Degraded',
  'bank-healthy': 'Healthy',
  'bank-no-status': 'Not enough traffic to report',
  'bank-unlisted': 'Could not get this bank’s health',
};

type Box = { top: number; bottom: number };

// Where `text` is drawn inside `scope`, in page coordinates: the box of the words themselves,
// not of the (perhaps much taller) element around them. Null when it is not on the page.
function boxOfText(scope: Locator, text: string): Promise<Box | null> {
  return scope.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent!.indexOf(wanted);
      if (index === -1) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + wanted.length);
      const rect = range.getBoundingClientRect();
      if (rect.height === 0) continue;
      return { top: rect.top + window.scrollY, bottom: rect.bottom + window.scrollY };
    }
    return null;
  }, text);
}

function topOf(locator: Locator): Promise<number> {
  return locator.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
}

// Looks the fixture up and checks the answer: the words that must be on its first screen, found
// there, and a failed lookup's HTTP status.
async function lookUpAndCheckFirstScreen(page: Page, scenario: string, token: string, firstScreen: number) {
  const response = await lookUp(page, token);
  const body: unknown = await response.json();
  let answer: Locator;
  let wanted: string[];
  if (response.ok()) {
    answer = statusPanel(page);
    const diagnosis = diagnose(LinkTokenGetResponseSchema.parse(body), Date.now());
    const session = diagnosis.sessions.find((each) => each.linkSessionId === diagnosis.linkSessionId);
    wanted = [
      VERDICT_LABELS[diagnosis.verdict],
      session?.institutionName,
      diagnosis.error?.error_code,
    ].filter((text): text is string => Boolean(text));
    await expect(answer.getByText(token).first()).toBeVisible();
    // What Plaid support asks for is always there.
    await expect(answer.getByRole('button', { name: 'Copy request ID' })).toBeVisible();
  } else {
    answer = errorPanel(page);
    wanted = [VERDICT_LABELS['lookup failed'], (body as { error_code: string }).error_code];
    await expect(answer).toContainText(`HTTP ${response.status()}`);
  }
  // And who acts next, with the next step beginning there too.
  wanted.push('Who acts next', 'Next step');

  const verdict = answer.getByRole('region', { name: 'Verdict' });
  await expect(verdict).toBeVisible();
  const answerTop = await topOf(answer);
  for (const text of wanted) {
    const box = await boxOfText(verdict, text);
    expect(box, `${scenario}: “${text}” is shown in the verdict`).not.toBeNull();
    expect(box!.top, `${scenario}: “${text}” is below the answer's top`).toBeGreaterThanOrEqual(answerTop);
    expect(
      box!.bottom - answerTop,
      `${scenario}: “${text}” ends within the answer's first ${firstScreen} px`,
    ).toBeLessThanOrEqual(firstScreen);
  }
  // The verdict comes straight after the answer's heading.
  const headingBottom = await answerHeading(page).evaluate(
    (element) => element.getBoundingClientRect().bottom + window.scrollY,
  );
  expect((await topOf(verdict)) - headingBottom, `${scenario}: the verdict follows the heading`).toBeLessThan(
    40,
  );

  const health = BANK_HEALTH[scenario];
  if (health) {
    const section = statusPanel(page)
      .getByRole('article')
      .first()
      .locator('div', { has: page.getByRole('heading', { name: /^Bank health/, level: 5 }) })
      .last();
    await expect(section.getByText(health).first()).toBeVisible();
  }
}

// Soft: one walk names every fixture that overflows, not only the first.
async function expectNoOverflow(page: Page, scenario: string, width: number) {
  expect.soft(await overflowingElements(page), `${scenario}: nothing is wider than ${width} px`).toEqual([]);
}

// 45 lookups, the fault-hang one ended by the e2e server's 4 s PLAID_TIMEOUT_MS.
test.setTimeout(300_000);

test('at 1280x800, every fixture’s verdict is on the answer’s first 360 px, nothing overflows', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  for (const { scenario, link_token } of FIXTURES) {
    await lookUpAndCheckFirstScreen(page, scenario, link_token, 360);
    await expectNoOverflow(page, scenario, 1280);
  }
});

test('at 390x844, every fixture’s verdict is on the answer’s first 600 px; at 360 px nothing overflows', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  for (const { scenario, link_token } of FIXTURES) {
    await lookUpAndCheckFirstScreen(page, scenario, link_token, 600);
    await expectNoOverflow(page, scenario, 390);
    // The narrowest phone we support, for the same answer.
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoOverflow(page, scenario, 360);
    await page.setViewportSize({ width: 390, height: 844 });
  }
});
