import { expect, it } from 'vitest';
import { minuteBudget } from './minute-budget';

const start = new Date('2026-12-05T10:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);

it('lets no more polls start in a minute than the budget, and starts afresh the minute after', () => {
  const budget = minuteBudget(5);
  expect(budget.room(start)).toBe(5);
  budget.take(3, start);
  budget.take(2, at(30_000));
  expect(budget.room(at(59_999))).toBe(0);
  expect(budget.used(at(59_999))).toBe(5);
  expect(budget.room(at(60_000))).toBe(5);
  expect(budget.used(at(60_000))).toBe(0);
});
