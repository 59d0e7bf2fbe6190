import { HistoryPageSchema, type HistoryPage, type HistoryRow } from '../../shared/history/history-api';

// Test-only: pages of GET /api/history as the contract shapes them (each checked against its schema,
// so a test cannot pass on a page the server could never send).

export function historyRow(index: number, overrides: Partial<HistoryRow> = {}): HistoryRow {
  const token = `link-sandbox-${String(index).padStart(8, '0')}-0000-4000-8000-000000000000`;
  return {
    link_token: token,
    environment: 'sandbox',
    verdict: 'failed',
    headline: 'The user could not sign in to the bank.',
    institution: 'First Platypus Bank',
    institution_id: 'ins_109508',
    error_code: 'INVALID_CREDENTIALS',
    exit_status: 'requires_credentials',
    step_reached: 'credentials',
    session_count: 1,
    last_seen_at: '2026-12-05T09:30:00Z',
    sources: ['lookup'],
    last_source: 'lookup',
    permalink: `/?link_token=${token}&kept=1`,
    ...overrides,
  };
}

export function historyPage(overrides: Partial<HistoryPage> = {}): HistoryPage {
  return HistoryPageSchema.parse({
    rows: [
      historyRow(1),
      historyRow(2, {
        verdict: 'linked',
        headline: 'Linked.',
        error_code: null,
        exit_status: null,
        step_reached: 'hand-off',
        sources: ['lookup', 'webhook'],
        last_source: 'webhook',
        institution: 'Tartan Bank',
        institution_id: 'ins_3',
      }),
    ],
    next: null,
    total: 2,
    breakdown: {
      verdict: [
        { value: 'failed', count: 1 },
        { value: 'linked', count: 1 },
      ],
      error_code: [{ value: 'INVALID_CREDENTIALS', count: 1 }],
      institution: [
        { value: 'First Platypus Bank', count: 1 },
        { value: 'Tartan Bank', count: 1 },
      ],
      exit_status: [{ value: 'requires_credentials', count: 1 }],
    },
    verdict_totals: [
      { value: 'failed', count: 1 },
      { value: 'linked', count: 1 },
    ],
    banks: [
      {
        institution: 'First Platypus Bank',
        institution_id: 'ins_109508',
        failed: 1,
        total: 1,
        top_error_codes: [{ value: 'INVALID_CREDENTIALS', count: 1 }],
      },
    ],
    outdated_verdicts: 0,
    ...overrides,
  });
}

export const EMPTY_HISTORY: HistoryPage = historyPage({
  rows: [],
  total: 0,
  breakdown: { verdict: [], error_code: [], institution: [], exit_status: [] },
  verdict_totals: [],
  banks: [],
});
