import type { PlaidError } from '../../shared/schemas/plaid-error';
import { plaidError, type SimulatorError } from '../errors';

// Plaid's errors about institutions, with the texts and statuses of Plaid's error reference
// (plaid.com/docs/errors/invalid-input/, …/errors/institution/).

// /institutions/get_by_id for an id Plaid does not list in this environment and these countries.
export function invalidInstitution(requestId: string): SimulatorError {
  const status = 400;
  const message = 'invalid institution_id provided';
  return {
    status,
    error: plaidError({ status, type: 'INVALID_INPUT', code: 'INVALID_INSTITUTION', message, requestId }),
  };
}

// --- Errors a Link session can end with (exit.error) ---

export function institutionNotResponding(requestId: string): PlaidError {
  return plaidError({
    status: 400,
    type: 'INSTITUTION_ERROR',
    code: 'INSTITUTION_NOT_RESPONDING',
    message: 'this institution is not currently responding to this request. please try again soon',
    displayMessage:
      'This financial institution is not currently responding to requests. We apologize for the inconvenience.',
    requestId,
  });
}

export function institutionNoLongerSupported(requestId: string): PlaidError {
  return plaidError({
    status: 400,
    type: 'INSTITUTION_ERROR',
    code: 'INSTITUTION_NO_LONGER_SUPPORTED',
    message: 'this institution is no longer supported',
    displayMessage:
      'This financial institution is not currently supported. We apologize for the inconvenience.',
    requestId,
  });
}
