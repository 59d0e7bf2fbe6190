import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/api-error';
import {
  LinkTokenGetResponseSchema,
  type LinkSession,
} from '../../../../shared/schemas/link-token-get-response';
import { rowFromOutcome } from './batch-row';
import type { BatchOutcome } from './run-batch';
import { linkTokenBody, plaidErrorBody } from '../../../test/batch-answers';

const TOKEN = 'link-production-11111111-1111-4111-8111-111111111111';
const NOW = Date.parse('2026-11-25T06:00:00Z');

function success(options: Parameters<typeof linkTokenBody>[1]): BatchOutcome {
  const raw = linkTokenBody(TOKEN, options);
  return { kind: 'success', result: { data: LinkTokenGetResponseSchema.parse(raw), raw, timing: null } };
}

function event(name: string, timestamp: string) {
  return { event_id: `${name}-${timestamp}`, event_name: name, timestamp, event_metadata: {} };
}

const exitedSession: LinkSession = {
  link_session_id: 'older',
  started_at: '2026-11-25T05:00:00Z',
  finished_at: '2026-11-25T05:05:00Z',
  exit: { error: plaidErrorBody('INVALID_CREDENTIALS', 'ITEM_ERROR'), metadata: null },
  // Newest first, as Plaid lists them.
  events: [event('EXIT', '2026-11-25T05:05:00Z'), event('OPEN', '2026-11-25T05:00:00Z')],
};
const runningSession: LinkSession = {
  link_session_id: 'newer',
  started_at: '2026-11-25T05:30:00Z',
  finished_at: null,
  events: [event('OPEN', '2026-11-25T05:30:00Z'), event('SELECT_INSTITUTION', '2026-11-25T05:31:00Z')],
};

describe('rowFromOutcome', () => {
  it('summarises the newest session and the latest event across all sessions', () => {
    const row = rowFromOutcome(TOKEN, success({ sessions: [runningSession, exitedSession] }), NOW);
    expect(row).toEqual({
      token: TOKEN,
      environment: 'production',
      status: 'Active',
      expiration: '2099-01-01T00:00:00Z',
      sessionCount: 2,
      lastSessionOutcome: 'In progress',
      lastEventName: 'SELECT_INSTITUTION',
      lastEventAt: '2026-11-25T05:31:00Z',
      errorCode: null,
      errorMessage: null,
      requestId: 'req-1111',
    });
  });

  it('names the exit error of a failed last session', () => {
    const row = rowFromOutcome(TOKEN, success({ sessions: [exitedSession] }), NOW);
    expect(row.lastSessionOutcome).toBe('Exited with error: INVALID_CREDENTIALS');
    expect(row.lastEventName).toBe('EXIT');
  });

  it('calls a session with an on_success a success', () => {
    const row = rowFromOutcome(
      TOKEN,
      success({
        sessions: [
          { ...exitedSession, exit: null, on_success: { public_token: 'public-x', metadata: null } },
        ],
      }),
      NOW,
    );
    expect(row.lastSessionOutcome).toBe('Succeeded');
  });

  it('tells Expired and Unknown expiry apart from Active', () => {
    expect(rowFromOutcome(TOKEN, success({ expiration: '2026-11-25T05:59:59Z' }), NOW).status).toBe(
      'Expired',
    );
    expect(rowFromOutcome(TOKEN, success({ expiration: null }), NOW).status).toBe('Unknown expiry');
    expect(rowFromOutcome(TOKEN, success({}), NOW)).toMatchObject({
      sessionCount: 0,
      lastSessionOutcome: null,
    });
  });

  it('carries the error code, message and request id of a failed lookup', () => {
    const error = new ApiError(plaidErrorBody('INVALID_LINK_TOKEN'), { httpStatus: 400 });
    const row = rowFromOutcome(TOKEN, { kind: 'error', error }, NOW);
    expect(row).toMatchObject({
      status: 'Error',
      errorCode: 'INVALID_LINK_TOKEN',
      errorMessage: 'INVALID_LINK_TOKEN happened',
      requestId: 'req-error',
      sessionCount: null,
    });
  });
});
