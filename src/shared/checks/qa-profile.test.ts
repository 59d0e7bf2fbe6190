import { describe, expect, it } from 'vitest';
import { QaExpectationsSchema } from './qa-profile';

describe('QaExpectationsSchema', () => {
  it('takes account filters on only some account types', () => {
    const parsed = QaExpectationsSchema.parse({
      account_filters: { depository: { account_subtypes: ['checking'] } },
    });
    expect(parsed.account_filters).toEqual({ depository: { account_subtypes: ['checking'] } });
  });

  it('refuses an account type Plaid does not have', () => {
    expect(
      QaExpectationsSchema.safeParse({ account_filters: { savings: { account_subtypes: [] } } }).success,
    ).toBe(false);
  });
});
