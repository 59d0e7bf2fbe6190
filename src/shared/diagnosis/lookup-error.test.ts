import { describe, expect, it } from 'vitest';
import { CLIENT_ERROR_CODES, CLIENT_ERROR_TYPE } from '../schemas/client-error';
import type { PlaidError } from '../schemas/plaid-error';
import { PROXY_ERROR_CODES, proxyError, type ProxyErrorCode } from '../schemas/proxy-error';
import { diagnoseLookupError } from './lookup-error';

const plaid = (error_type: string, error_code: string, request_id = 'plaid-req'): PlaidError => ({
  error_type,
  error_code,
  error_message: `plaid says ${error_code}`,
  display_message: null,
  request_id,
});
const client = (error_code: string): PlaidError => ({
  error_type: CLIENT_ERROR_TYPE,
  error_code,
  error_message: 'in the browser',
  display_message: null,
});

describe('diagnoseLookupError', () => {
  it('INVALID_LINK_TOKEN: wrong environment, another team’s credentials, or too old; you act', () => {
    const diagnosis = diagnoseLookupError(plaid('INVALID_INPUT', 'INVALID_LINK_TOKEN'), 400);
    expect(diagnosis).toMatchObject({
      verdict: 'lookup failed',
      // Our lookup failed, not the user's session: not a failed session's red.
      tone: 'fault',
      headline:
        'INVALID_LINK_TOKEN: Plaid does not know this link token (wrong environment, mistyped, or too old).',
      actor: 'inspector user',
      retryable: false,
      source: 'plaid',
      errorType: 'INVALID_INPUT',
      errorCode: 'INVALID_LINK_TOKEN',
      httpStatus: 400,
      requestId: 'plaid-req',
      docsUrl: 'https://plaid.com/docs/errors/invalid-input/#invalid_link_token',
    });
    expect(diagnosis.explanation).toMatch(/other environment.*another team.*older than Plaid keeps/);
  });

  it('INVALID_API_KEYS: check the credentials for the environment', () => {
    const diagnosis = diagnoseLookupError(plaid('INVALID_INPUT', 'INVALID_API_KEYS'), 400);
    expect(diagnosis).toMatchObject({ actor: 'inspector user', retryable: false });
    expect(diagnosis.nextStep).toContain('Sandbox and Production have different secrets');
  });

  it('rate limits, ours and Plaid’s, are worth retrying after a wait', () => {
    const ours = diagnoseLookupError(proxyError('RATE_LIMITED', 'slow down', 'our-req'), 429);
    expect(ours).toMatchObject({
      retryable: true,
      tone: 'warning',
      actor: 'inspector user',
      source: 'proxy',
      requestId: 'our-req',
      docsUrl: null,
    });
    const theirs = diagnoseLookupError(plaid('RATE_LIMIT_EXCEEDED', 'RATE_LIMIT'), 429);
    expect(theirs).toMatchObject({
      retryable: true,
      actor: 'inspector user',
      docsUrl: 'https://plaid.com/docs/errors/rate-limit-exceeded/#rate_limit',
    });
  });

  it('Plaid down (API_ERROR, maintenance, any 5xx), timeouts and our upstream failures: the person looking up retries', () => {
    for (const [error, status] of [
      [plaid('API_ERROR', 'INTERNAL_SERVER_ERROR'), 500],
      [plaid('API_ERROR', 'PLANNED_MAINTENANCE'), 503],
      [plaid('SOMETHING_NEW', 'ODD'), 502],
      [proxyError('UPSTREAM_TIMEOUT', 'timeout', 'r'), 504],
      [proxyError('UPSTREAM_BAD_RESPONSE', 'html', 'r'), 502],
    ] as const) {
      const diagnosis = diagnoseLookupError(error, status);
      expect(diagnosis.retryable, error.error_code).toBe(true);
      expect(diagnosis.actor, error.error_code).toBe('inspector user');
    }
    expect(diagnoseLookupError(plaid('API_ERROR', 'PLANNED_MAINTENANCE'), 503).nextStep).toContain(
      'status.plaid.com',
    );
  });

  it('a Retry-After becomes the one wait in the next step; what to do if it persists stays', () => {
    expect(diagnoseLookupError(plaid('RATE_LIMIT_EXCEEDED', 'RATE_LIMIT'), 429, 2).nextStep).toBe(
      'Wait 2 seconds (Plaid asked for that in its Retry-After), then try again.',
    );
    expect(diagnoseLookupError(plaid('RATE_LIMIT_EXCEEDED', 'RATE_LIMIT'), 429).nextStep).toBe(
      'Wait a minute, then try again.',
    );
    expect(diagnoseLookupError(plaid('API_ERROR', 'INTERNAL_SERVER_ERROR'), 503, 1).nextStep).toBe(
      'Wait 1 second (Plaid asked for that in its Retry-After), then try again. If it persists, check status.plaid.com and contact Plaid support with the request ID.',
    );
    // Not worth retrying: a Retry-After does not make it so.
    expect(diagnoseLookupError(plaid('INVALID_INPUT', 'INVALID_LINK_TOKEN'), 400, 5).nextStep).not.toContain(
      'Wait',
    );
  });

  it('a Plaid 429 with an unexpected body is still a rate limit', () => {
    expect(diagnoseLookupError(plaid('SOMETHING_NEW', 'ODD'), 429)).toMatchObject({
      retryable: true,
      actor: 'inspector user',
    });
  });

  it('unreachable Plaid is retryable, and whoever runs the inspector checks its route', () => {
    expect(diagnoseLookupError(proxyError('UPSTREAM_UNREACHABLE', 'x', 'r'), 502)).toMatchObject({
      retryable: true,
      actor: 'inspector operator',
    });
  });

  it('the browser’s own errors: network and timeout are retryable, an unreadable answer is not', () => {
    expect(diagnoseLookupError(client('NETWORK_ERROR'), null)).toMatchObject({
      retryable: true,
      source: 'client',
      httpStatus: null,
      requestId: null,
      headline: 'NETWORK_ERROR: The inspector’s server could not be reached.',
    });
    expect(diagnoseLookupError(client('CLIENT_TIMEOUT'), null).retryable).toBe(true);
    expect(diagnoseLookupError(client('UNEXPECTED_RESPONSE'), 200)).toMatchObject({
      retryable: false,
      actor: 'inspector operator',
    });
  });

  it('has advice for every code our server and the browser send', () => {
    for (const code of Object.keys(PROXY_ERROR_CODES) as ProxyErrorCode[]) {
      const diagnosis = diagnoseLookupError(proxyError(code, 'm', 'r'), PROXY_ERROR_CODES[code]);
      expect(diagnosis.nextStep, code).not.toBe('Tell whoever runs the inspector, with the request ID.');
    }
    // The browser's own codes each say what went wrong (a fallback would not).
    for (const code of CLIENT_ERROR_CODES) {
      expect(diagnoseLookupError(client(code), null).explanation, code).not.toBeNull();
    }
    expect(diagnoseLookupError(client('SOMETHING_NEW'), null).explanation).toBeNull();
  });

  it('only the listed causes are retryable: input mistakes and unknown codes are not', () => {
    expect(diagnoseLookupError(proxyError('WRONG_TOKEN_TYPE', 'm', 'r'), 400).retryable).toBe(false);
    expect(diagnoseLookupError(proxyError('INTERNAL_ERROR', 'm', 'r'), 500).retryable).toBe(false);
    expect(diagnoseLookupError(plaid('INVALID_REQUEST', 'MISSING_FIELDS'), 400)).toMatchObject({
      retryable: false,
      actor: 'inspector operator',
    });
    expect(diagnoseLookupError(plaid('ITEM_ERROR', 'ODD'), 400)).toMatchObject({
      retryable: false,
      actor: 'plaid support',
    });
  });
});
