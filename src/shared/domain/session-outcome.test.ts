import { describe, expect, it } from 'vitest';
import { emptyResults, invalidCredentials, makeSession } from '../test/fixtures';
import { hasResults, sessionExit } from './session-outcome';

describe('hasResults', () => {
  it('is true when the session produced an income upload and nothing else', () => {
    const results = {
      ...emptyResults,
      document_income_results: {
        num_paystubs_uploaded: 1,
        num_w2s_uploaded: 0,
        num_bank_statements_uploaded: 0,
        num_1099s_uploaded: 0,
      },
    };
    expect(hasResults(results)).toBe(true);
  });

  it('is false for empty results and for a session Plaid sent no results for', () => {
    expect(hasResults(emptyResults)).toBe(false);
    expect(hasResults(undefined)).toBe(false);
  });
});

describe('sessionExit', () => {
  it('reads the deprecated on_exit only when exit is absent', () => {
    const withOnExitOnly = makeSession({ on_exit: { error: invalidCredentials, metadata: null } });
    expect(sessionExit(withOnExitOnly)?.error?.error_code).toBe('INVALID_CREDENTIALS');

    const withBoth = makeSession({
      exit: { error: null, metadata: null },
      on_exit: { error: invalidCredentials, metadata: null },
    });
    expect(sessionExit(withBoth)?.error).toBeNull();
  });
});
