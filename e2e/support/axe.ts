import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

// One axe check for every spec: the whole page (the app shell included), every rule axe runs by
// default, each violation named by rule and where, so a failure reads without the report.
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    where: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
  }));
  expect(summary, `axe violations in "${state}"`).toEqual([]);
}
