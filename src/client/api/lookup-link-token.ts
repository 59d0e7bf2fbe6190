import { PlaidErrorSchema, type PlaidError } from '../../shared/schemas/plaid-error';
import {
  LinkTokenGetResponseSchema,
  type LinkTokenGetResponse,
} from '../../shared/schemas/link-token-get-response';
import type { LinkTokenGetRequest } from '../../shared/schemas/link-token-get-request';
import { CLIENT_ERROR_TYPE } from '../../shared/schemas/client-error';
import { parseServerTiming, type ServerTiming } from './server-timing';

// The one place the browser calls POST /api/link/token/get. Every outcome becomes either a
// LookupSuccess or a thrown LookupError carrying a PlaidError-shaped body, so the UI has exactly
// two things to render and never a raw exception.

export type LookupSuccess = {
  data: LinkTokenGetResponse;
  // The body exactly as received, for the raw JSON view (unknown fields included).
  raw: unknown;
  timing: ServerTiming | null;
};

export class LookupError extends Error {
  readonly error: PlaidError;
  readonly httpStatus: number | null;
  readonly retryAfterSeconds: number | null;
  readonly raw: unknown;

  constructor(
    error: PlaidError,
    httpStatus: number | null,
    retryAfterSeconds: number | null = null,
    raw: unknown = null,
  ) {
    super(error.error_message);
    this.name = 'LookupError';
    this.error = error;
    this.httpStatus = httpStatus;
    this.retryAfterSeconds = retryAfterSeconds;
    this.raw = raw;
  }
}

export { CLIENT_ERROR_TYPE };

function clientError(code: string, message: string): PlaidError {
  return { error_type: CLIENT_ERROR_TYPE, error_code: code, error_message: message, display_message: null };
}

export async function lookupLinkToken(
  request: LinkTokenGetRequest,
  options: { signal?: AbortSignal } = {},
): Promise<LookupSuccess> {
  let response: Response;
  try {
    response = await fetch('/api/link/token/get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new LookupError(
      clientError(
        'NETWORK_ERROR',
        'Could not reach the Link Token Inspector server. Check your connection and that the server is running.',
      ),
      null,
    );
  }

  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new LookupError(
      clientError(
        'UNEXPECTED_RESPONSE',
        `The server answered HTTP ${response.status} with something that is not JSON.`,
      ),
      response.status,
      null,
      text.slice(0, 2000),
    );
  }

  if (!response.ok) {
    const parsedError = PlaidErrorSchema.safeParse(body);
    const retryAfter = Number(response.headers.get('Retry-After'));
    throw new LookupError(
      parsedError.success
        ? parsedError.data
        : clientError(
            'UNEXPECTED_RESPONSE',
            `The server answered HTTP ${response.status} with an error of an unknown shape.`,
          ),
      response.status,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
      body,
    );
  }

  const parsed = LinkTokenGetResponseSchema.safeParse(body);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new LookupError(
      clientError(
        'UNEXPECTED_RESPONSE',
        `Plaid's answer does not have the shape its API specifies (${where}). The raw answer is below.`,
      ),
      response.status,
      null,
      body,
    );
  }
  return { data: parsed.data, raw: body, timing: parseServerTiming(response.headers.get('Server-Timing')) };
}
