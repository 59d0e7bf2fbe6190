import { CLIENT_ERROR_TYPE, type ClientErrorCode } from '../../shared/schemas/client-error';
import type { PlaidError } from '../../shared/schemas/plaid-error';

// Every failed call to our server ends as an ApiError carrying a PlaidError-shaped body: Plaid's
// own error, our server's PROXY_ERROR, or a CLIENT_ERROR made here, so the UI renders one kind of
// error and never a raw exception.
export class ApiError extends Error {
  readonly error: PlaidError;
  // null when no HTTP answer arrived.
  readonly httpStatus: number | null;
  readonly retryAfterSeconds: number | null;
  // The body as received, for the raw view; null when there was none.
  readonly raw: unknown;

  constructor(
    error: PlaidError,
    details: { httpStatus?: number | null; retryAfterSeconds?: number | null; raw?: unknown } = {},
  ) {
    super(error.error_message);
    this.name = 'ApiError';
    this.error = error;
    this.httpStatus = details.httpStatus ?? null;
    this.retryAfterSeconds = details.retryAfterSeconds ?? null;
    this.raw = details.raw ?? null;
  }
}

// The one place a CLIENT_ERROR body is made.
export function clientError(
  code: ClientErrorCode,
  message: string,
  details: { httpStatus?: number | null; retryAfterSeconds?: number | null; raw?: unknown } = {},
): ApiError {
  return new ApiError(
    { error_type: CLIENT_ERROR_TYPE, error_code: code, error_message: message, display_message: null },
    details,
  );
}
