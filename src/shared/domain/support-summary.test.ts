import { describe, expect, it } from 'vitest';
import { emptyResults, invalidCredentials, makeResponse, makeSession } from '../test/fixtures';
import { supportSummary } from './support-summary';

const NOW = Date.parse('2026-11-25T12:00:00Z');

const failed = makeSession({
  link_session_id: 'session-failed',
  started_at: '2026-11-25T10:00:00Z',
  finished_at: '2026-11-25T10:03:30Z',
  exit: {
    error: invalidCredentials,
    metadata: {
      status: 'requires_credentials',
      request_id: 'exit-meta-req',
      institution: { name: 'Tartan Bank', institution_id: 'ins_109511' },
    },
  },
});

const succeeded = makeSession({
  link_session_id: 'session-linked',
  started_at: '2026-11-25T11:00:00Z',
  finished_at: '2026-11-25T11:02:00Z',
  on_success: {
    public_token: 'public-sandbox-secret-to-leave-out',
    metadata: { institution: { name: 'First Platypus Bank', institution_id: 'ins_109508' } },
  },
  results: {
    ...emptyResults,
    item_add_results: [
      { public_token: 'public-sandbox-secret-to-leave-out', accounts: [], institution: null },
    ],
  },
});

describe('supportSummary', () => {
  it('gives the token, when it was looked up, its status, times in UTC and the request ID', () => {
    const text = supportSummary(makeResponse(), NOW);
    expect(text.split('\n').slice(0, 8)).toEqual([
      'Link token: link-sandbox-0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5',
      'Looked up: 25 Nov 2026, 12:00:00 UTC',
      'Status: Active (time left: 2 h)',
      'Created: 25 Nov 2026, 10:00:00 UTC',
      'Expires: 25 Nov 2026, 14:00:00 UTC',
      'Lifetime: 4 h (Plaid’s default for linking a new Item)',
      'Request ID (/link/token/get): req-abc123',
      'No Link sessions: Link was never opened with this token, or its sessions ended more than six hours ago (Plaid keeps session data for six hours).',
    ]);
  });

  it('lists every session newest first, with the IDs and codes Plaid support asks for', () => {
    const text = supportSummary(makeResponse({ link_sessions: [failed, succeeded] }), NOW);
    expect(text).toContain(
      [
        'Link sessions: 2',
        'Session 1 of 2: session-linked',
        '  Outcome: Succeeded',
        '  Started: 25 Nov 2026, 11:00:00 UTC; finished: 25 Nov 2026, 11:02:00 UTC',
        '  Institution: First Platypus Bank (ins_109508)',
        '  Results: item_add_results (1)',
        'Session 2 of 2: session-failed',
        '  Outcome: Exited with error: ITEM_ERROR / INVALID_CREDENTIALS',
        '  Started: 25 Nov 2026, 10:00:00 UTC; finished: 25 Nov 2026, 10:03:30 UTC',
        '  Institution: Tartan Bank (ins_109511)',
        '  Error request ID: exit-req-1',
        '  Exit status: requires_credentials',
        '  Exit request ID: exit-meta-req',
      ].join('\n'),
    );
  });

  it('never includes a public token, which could still be exchanged for an access token', () => {
    const text = supportSummary(makeResponse({ link_sessions: [succeeded] }), NOW);
    expect(text).not.toContain('public-sandbox');
  });

  it('says when the token has expired, and when Plaid gave no times', () => {
    expect(supportSummary(makeResponse(), Date.parse('2026-11-25T15:00:00Z'))).toContain(
      'Status: Expired (time left: none: expired 1 h ago)',
    );
    const text = supportSummary(makeResponse({ created_at: null, expiration: null }), NOW);
    expect(text).toContain('Created: not given\nExpires: not given\nRequest ID');
    expect(text).toContain('Status: Unknown expiry');
  });

  it('marks a session that is still running', () => {
    const running = makeSession({ link_session_id: 'session-open', finished_at: null });
    expect(supportSummary(makeResponse({ link_sessions: [running] }), NOW)).toContain(
      'Session 1 of 1: session-open\n  Outcome: In progress\n  Started: 25 Nov 2026, 10:00:00 UTC; finished: not yet',
    );
  });
});
