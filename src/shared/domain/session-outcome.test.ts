import { describe, expect, it } from 'vitest';
import { emptyResults, invalidCredentials, makeSession } from '../test/fixtures';
import { sessionExit, sessionOutcome } from './session-outcome';

describe('sessionOutcome', () => {
  it('is succeeded when onSuccess fired', () => {
    expect(
      sessionOutcome(makeSession({ on_success: { public_token: 'public-sandbox-x', metadata: null } })),
    ).toBe('succeeded');
  });

  it('is succeeded when the session produced results, e.g. an income upload', () => {
    const results = {
      ...emptyResults,
      document_income_results: {
        num_paystubs_uploaded: 1,
        num_w2s_uploaded: 0,
        num_bank_statements_uploaded: 0,
        num_1099s_uploaded: 0,
      },
    };
    expect(sessionOutcome(makeSession({ results }))).toBe('succeeded');
  });

  it('is exited with error when the exit carries an error', () => {
    expect(sessionOutcome(makeSession({ exit: { error: invalidCredentials, metadata: null } }))).toBe(
      'exited-with-error',
    );
  });

  it('is in progress while the session has not finished', () => {
    expect(sessionOutcome(makeSession({ finished_at: null, results: emptyResults }))).toBe('in-progress');
    expect(sessionOutcome(makeSession({ finished_at: undefined }))).toBe('in-progress');
  });

  it('is abandoned when the session finished without results or error', () => {
    expect(
      sessionOutcome(makeSession({ exit: { error: null, metadata: { status: 'requires_credentials' } } })),
    ).toBe('abandoned');
    expect(sessionOutcome(makeSession({ results: emptyResults }))).toBe('abandoned');
  });

  it('reads the deprecated on_exit only when exit is absent', () => {
    const withOnExitOnly = makeSession({ on_exit: { error: invalidCredentials, metadata: null } });
    expect(sessionExit(withOnExitOnly)?.error?.error_code).toBe('INVALID_CREDENTIALS');
    expect(sessionOutcome(withOnExitOnly)).toBe('exited-with-error');

    const withBoth = makeSession({
      exit: { error: null, metadata: null },
      on_exit: { error: invalidCredentials, metadata: null },
    });
    expect(sessionExit(withBoth)?.error).toBeNull();
    expect(sessionOutcome(withBoth)).toBe('abandoned');
  });
});
