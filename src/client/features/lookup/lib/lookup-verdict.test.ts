import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/api-error';
import { proxyError } from '../../../../shared/schemas/proxy-error';
import {
  emptyResults,
  invalidCredentials,
  makeResponse,
  makeSession,
} from '../../../../shared/test/fixtures';
import { answerVerdict, errorVerdict } from './lookup-verdict';

const AT = Date.parse('2026-11-25T10:30:00Z');

const failed = makeSession({
  link_session_id: 'failed',
  started_at: '2026-11-25T10:05:00Z',
  exit: {
    error: invalidCredentials,
    metadata: { institution: { name: 'Tartan Bank', institution_id: 'ins_109511' } },
  },
});

describe('answerVerdict', () => {
  it('names the verdict, its tone, the bank and the error code, and a sentence to announce', () => {
    expect(answerVerdict(makeResponse({ link_sessions: [failed] }), AT)).toEqual({
      verdict: 'failed',
      tone: 'failure',
      detail: 'Tartan Bank · INVALID_CREDENTIALS',
      sentence: 'Verdict: Failed (Tartan Bank, INVALID_CREDENTIALS).',
    });
  });

  it('counts the sessions when there are others than the verdict’s', () => {
    const other = makeSession({
      link_session_id: 'other',
      started_at: '2026-11-25T10:00:00Z',
      results: emptyResults,
    });
    expect(answerVerdict(makeResponse({ link_sessions: [failed, other] }), AT).detail).toBe(
      'Tartan Bank · INVALID_CREDENTIALS · 2 sessions',
    );
  });

  it('says when there are no sessions', () => {
    expect(answerVerdict(makeResponse(), AT)).toMatchObject({
      verdict: 'never opened',
      detail: 'no sessions',
    });
  });
});

describe('errorVerdict', () => {
  it('is a failed lookup with its code, a warning when trying again can help', () => {
    const busy = proxyError('SERVER_BUSY', 'Busy.', 'proxy-req-1');
    expect(errorVerdict(new ApiError(busy, { httpStatus: 503 }))).toMatchObject({
      verdict: 'lookup failed',
      tone: 'warning',
      detail: 'SERVER_BUSY',
    });
    const malformed = proxyError('MALFORMED_LINK_TOKEN', 'Not a link token.', 'proxy-req-2');
    expect(errorVerdict(new ApiError(malformed, { httpStatus: 400 }))).toMatchObject({
      tone: 'fault',
      sentence: 'Verdict: Lookup failed (MALFORMED_LINK_TOKEN).',
    });
  });
});
