import { describe, expect, it } from 'vitest';
import type { CheckReport } from './check-report';
import { checkFindings } from './check-findings';

const report: CheckReport = {
  profile: { id: 'p1', name: 'New Item, US' },
  link_token: 'link-sandbox-x',
  status: 'fail',
  checked_at: '2026-11-25T12:00:00.000Z',
  rows: [
    { expectation: 'language', label: 'Language', expected: 'en', actual: 'en', status: 'pass' },
    {
      expectation: 'webhook',
      label: 'Webhook',
      expected: 'none',
      actual: 'https://x.test/hook',
      status: 'fail',
    },
    {
      expectation: 'outcome',
      label: 'Outcome',
      expected: 'linked',
      actual: 'failed with ITEM_LOCKED',
      status: 'fail',
      note: 'the session was failed',
    },
    {
      expectation: 'products.optional_products',
      label: 'Optional products',
      expected: 'auth',
      actual: 'not returned',
      status: 'unknown',
    },
  ],
};

describe('checkFindings', () => {
  it('turns each failed row, and only those, into a Problem naming the field and both sides', () => {
    const found = checkFindings(report);
    expect(found.map((finding) => [finding.id, finding.severity, finding.field, finding.value])).toEqual([
      ['check:webhook', 'problem', 'webhook', 'https://x.test/hook'],
      ['check:outcome', 'problem', 'link_sessions', 'failed with ITEM_LOCKED'],
    ]);
    expect(found[0]!.title).toBe('Webhook is not what the profile “New Item, US” expects');
    expect(found[1]!.meaning).toBe(
      'Expected linked; Plaid’s answer has failed with ITEM_LOCKED (the session was failed).',
    );
  });
});
