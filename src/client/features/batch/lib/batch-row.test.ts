import { describe, expect, it } from 'vitest';
import { ApiError, clientError } from '../../../api/api-error';
import { LinkTokenGetResponseSchema } from '../../../../shared/schemas/link-token-get-response';
import { retryableTokens, rowFromOutcome } from './batch-row';
import type { BatchOutcome } from './run-batch';
import { resultFromBody } from '../../../test/lookup-results';
import {
  failedSession,
  linkedSession,
  linkTokenBody,
  plaidErrorBody,
  tokenNumber,
} from '../../../test/batch-answers';

const TOKEN = 'link-production-11111111-1111-4111-8111-111111111111';
const NOW = Date.parse('2026-11-25T06:00:00Z');

function success(options: Parameters<typeof linkTokenBody>[1]): BatchOutcome {
  const raw = linkTokenBody(TOKEN, options);
  return {
    kind: 'success',
    result: resultFromBody(raw),
  };
}

function failure(error: ApiError): BatchOutcome {
  return { kind: 'error', error };
}

describe('rowFromOutcome', () => {
  it('diagnoses a session only the store still has, as the answer does', () => {
    const dropped = LinkTokenGetResponseSchema.parse(
      linkTokenBody(TOKEN, { sessions: [failedSession('INSTITUTION_DOWN')] }),
    ).link_sessions![0]!;
    const outcome = success({});
    if (outcome.kind !== 'success') throw new Error('a success');
    const kept = {
      status: 'queued' as const,
      sessions: [
        {
          session: dropped,
          source: 'lookup' as const,
          first_seen_at: '2026-11-24T10:00:00Z',
          seen_at: '2026-11-24T10:05:00Z',
          seen_by: 'ana',
        },
      ],
      permalink: `/?link_token=${TOKEN}&kept=1`,
    };
    const row = rowFromOutcome(TOKEN, { ...outcome, result: { ...outcome.result, kept } }, NOW);

    expect(row).toMatchObject({ verdict: 'failed', errorCode: 'INSTITUTION_DOWN' });
  });

  it('carries the diagnosis of a failed session: verdict, who acts, error, exit status, bank, step', () => {
    const row = rowFromOutcome(TOKEN, success({ sessions: [failedSession('INSTITUTION_DOWN')] }), NOW);

    expect(row).toEqual({
      token: TOKEN,
      environment: 'production',
      verdict: 'failed',
      headline: 'Link failed at Houndstooth Bank with INSTITUTION_DOWN (exit status requires_credentials).',
      actor: 'bank',
      nextStep: expect.stringMatching(/^Wait for the bank/),
      errorCode: 'INSTITUTION_DOWN',
      errorMessage: 'INSTITUTION_DOWN happened',
      exitStatus: 'requires_credentials',
      institution: 'Houndstooth Bank',
      institutionId: 'ins_109512',
      stepReached: 'credentials',
      lastActivityAt: '2026-11-25T05:05:00.000Z',
      validity: 'active',
      expiration: '2099-01-01T00:00:00Z',
      countryCodes: ['US'],
      sessionCount: 1,
      retryable: false,
      requestId: 'req-1111',
      diagnosedAt: NOW,
    });
  });

  it('keeps the verdict apart from token validity: a token that linked and then expired', () => {
    const row = rowFromOutcome(
      TOKEN,
      success({ expiration: '2026-11-25T05:30:00Z', sessions: [linkedSession()] }),
      NOW,
    );
    expect(row).toMatchObject({ verdict: 'linked', validity: 'expired', stepReached: 'hand-off' });
  });

  it('describes the verdict’s session, and the newest activity across all sessions', () => {
    // The user failed at one bank, then linked another: the verdict is about the link.
    const row = rowFromOutcome(
      TOKEN,
      success({
        sessions: [
          linkedSession({
            startedAt: '2026-11-25T05:10:00Z',
            institution: { name: 'First Platypus Bank', institution_id: 'ins_109508' },
          }),
          failedSession('INVALID_CREDENTIALS'),
        ],
      }),
      NOW,
    );
    expect(row).toMatchObject({
      verdict: 'linked',
      institution: 'First Platypus Bank',
      institutionId: 'ins_109508',
      errorCode: null,
      exitStatus: null,
      sessionCount: 2,
      lastActivityAt: '2026-11-25T05:15:00.000Z',
    });
  });

  it('says a token without sessions was never opened, with nothing to blame', () => {
    const row = rowFromOutcome(TOKEN, success({}), NOW);
    expect(row).toMatchObject({
      verdict: 'never opened',
      actor: 'end user',
      errorCode: null,
      institution: null,
      stepReached: null,
      lastActivityAt: null,
      sessionCount: 0,
    });
  });

  it('reads a failed lookup as "lookup failed" with its code, who acts and the request id', () => {
    const error = new ApiError(plaidErrorBody('INVALID_LINK_TOKEN'), { httpStatus: 400 });
    const row = rowFromOutcome(TOKEN, failure(error), NOW);
    expect(row).toMatchObject({
      verdict: 'lookup failed',
      headline: expect.stringMatching(/^INVALID_LINK_TOKEN: /),
      actor: 'inspector user',
      errorCode: 'INVALID_LINK_TOKEN',
      errorMessage: 'INVALID_LINK_TOKEN happened',
      requestId: 'req-error',
      retryable: false,
      validity: null,
      sessionCount: null,
    });
  });
});

describe('retryableTokens', () => {
  it('picks the lookups that failed on a rate limit, a 5xx, a timeout or the network, nothing else', () => {
    const outcomes: [string, BatchOutcome][] = [
      [
        tokenNumber(1),
        failure(new ApiError(plaidErrorBody('RATE_LIMIT', 'RATE_LIMIT_EXCEEDED'), { httpStatus: 429 })),
      ],
      [
        tokenNumber(2),
        failure(new ApiError(plaidErrorBody('INTERNAL_SERVER_ERROR', 'API_ERROR'), { httpStatus: 500 })),
      ],
      [
        tokenNumber(3),
        failure(new ApiError(plaidErrorBody('UPSTREAM_TIMEOUT', 'PROXY_ERROR'), { httpStatus: 504 })),
      ],
      [tokenNumber(4), failure(clientError('NETWORK_ERROR', 'Failed to fetch'))],
      [tokenNumber(5), failure(new ApiError(plaidErrorBody('INVALID_LINK_TOKEN'), { httpStatus: 400 }))],
      [tokenNumber(6), failure(clientError('UNEXPECTED_RESPONSE', 'not JSON'))],
      [tokenNumber(7), success({ sessions: [failedSession('INSTITUTION_DOWN')] })],
    ];
    const rows = outcomes.map(([token, outcome]) => rowFromOutcome(token, outcome, NOW));

    expect(retryableTokens(rows)).toEqual([tokenNumber(1), tokenNumber(2), tokenNumber(3), tokenNumber(4)]);
  });
});
