import { CLIENT_ERROR_TYPE, LookupError, lookupLinkToken } from '../../api/lookup-link-token';
import { checkLinkToken } from '../../../shared/link-token';
import type { LookupFn } from './run-batch';

export type BatchCredentials = { client_id: string; secret: string } | null;

// Longer than the server's own upstream timeout, so the server's specific error normally wins;
// this only fires when our server itself stops answering, so one token cannot stall its worker.
const CLIENT_TIMEOUT_MS = 60_000;

function clientError(code: string, message: string): LookupError {
  return new LookupError(
    { error_type: CLIENT_ERROR_TYPE, error_code: code, error_message: message, display_message: null },
    null,
  );
}

// The lookup each batch token goes through: the same token check as the single form (so a
// retired link-development-… token is named without a request), then the same API call, with the
// shared credentials when the user gave them.
export function batchLookup(credentials: BatchCredentials): LookupFn {
  return async (token, signal) => {
    const check = checkLinkToken(token);
    if (!check.ok) throw clientError(check.code, check.message);
    const timeout = AbortSignal.timeout(CLIENT_TIMEOUT_MS);
    try {
      return await lookupLinkToken(
        { link_token: check.token, ...credentials },
        { signal: AbortSignal.any([signal, timeout]) },
      );
    } catch (error) {
      if (error instanceof LookupError || !timeout.aborted) throw error;
      throw clientError(
        'CLIENT_TIMEOUT',
        `The Link Token Inspector server did not answer within ${CLIENT_TIMEOUT_MS / 1000} seconds.`,
      );
    }
  };
}
