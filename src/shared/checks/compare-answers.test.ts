import { describe, expect, it } from 'vitest';
import { emptyResults, invalidCredentials, makeResponse, makeSession } from '../test/fixtures';
import { compareAnswers } from './compare-answers';

const AT = Date.parse('2026-11-25T12:00:00Z');
const metadata = makeResponse().metadata;

const linked = makeSession({
  on_success: {
    public_token: 'public-sandbox-x',
    metadata: { institution: { name: 'Tartan Bank', institution_id: 'ins_109511' } },
  },
});
const failed = makeSession({
  exit: {
    error: invalidCredentials,
    metadata: {
      status: 'requires_credentials',
      institution: { name: 'Tartan Bank', institution_id: 'ins_109511' },
    },
  },
  results: emptyResults,
});

const byLabel = (rows: { label: string }[], label: string) => rows.find((row) => row.label === label)!;

describe('compareAnswers', () => {
  it('marks nothing when two tokens were made alike and ended alike, whatever the order of their lists', () => {
    const first = makeResponse({ link_sessions: [linked] });
    const second = makeResponse({
      link_token: 'link-sandbox-11111111-2222-4333-8444-555555555555',
      created_at: '2026-11-26T09:00:00Z',
      expiration: '2026-11-26T13:00:00Z',
      metadata: { ...metadata, initial_products: ['transactions', 'auth'], country_codes: ['ca', 'US'] },
      link_sessions: [linked],
    });
    const comparison = compareAnswers(first, AT, second, Date.parse('2026-11-26T10:00:00Z'));
    expect(comparison.differences).toBe(0);
    // The tokens differ, but that is the point of comparing two: not marked.
    expect(byLabel(comparison.configuration, 'Link token')).toMatchObject({ differs: false });
    expect(byLabel(comparison.configuration, 'Initial products')).toMatchObject({
      first: 'auth, transactions',
      second: 'transactions, auth',
    });
  });

  it('marks each configuration field and outcome that differs', () => {
    const first = makeResponse({ link_sessions: [linked] });
    const second = makeResponse({
      expiration: '2026-11-25T10:30:00Z',
      metadata: {
        ...metadata,
        webhook: null,
        account_filters: { depository: { account_subtypes: ['checking'] } },
      },
      link_sessions: [failed],
    });
    const comparison = compareAnswers(first, AT, second, AT);
    const marked = [...comparison.configuration, ...comparison.outcome].filter((row) => row.differs);
    expect(marked.map((row) => [row.label, row.first, row.second])).toEqual([
      ['Lifetime', '4 h', '30 min'],
      ['Webhook', 'https://example.com/webhook', 'none'],
      ['Account filters', 'none', 'depository: checking'],
      ['Verdict', 'Linked', 'Failed'],
      ['Error code', 'none', 'INVALID_CREDENTIALS'],
      ['Exit status', 'none', 'requires_credentials'],
    ]);
    expect(comparison.differences).toBe(6);
  });
});
