import type { z } from 'zod';
import { PlaidErrorSchema } from '../../shared/schemas/plaid-error';
import { ApiError, clientError } from './api-error';

// Longer than the server's own upstream timeout, so the server's specific timeout error normally
// wins; this only fires when our server itself stops answering, so no spinner and no batch worker
// can hang.
export const CLIENT_TIMEOUT_MS = 60_000;

export type JsonAnswer<T> = {
  data: T;
  // The body exactly as received (unknown fields included), for the raw JSON view.
  raw: unknown;
  // The body's length in characters: about what keeping `raw` costs (a batch budgets it).
  size: number;
  headers: Headers;
};

type RequestOptions = { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown; signal?: AbortSignal };

// The one place the browser calls our server. It owns fetch, the timeout and the error model:
// the answer comes back checked against `schema`, and every failure is thrown as an ApiError.
// Only the caller's own abort (React Query cancelling, a batch being stopped) is rethrown as is,
// because nobody needs to be told about it.
export async function requestJson<T>(
  path: string,
  schema: z.ZodType<T>,
  options: RequestOptions = {},
): Promise<JsonAnswer<T>> {
  const method = options.method ?? 'GET';
  const { response, text } = await send(path, 'application/json', options);
  const httpStatus = response.status;
  if (!response.ok) throw errorAnswer(response, text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw notJson(text, { httpStatus });
  }

  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw clientError(
      'UNEXPECTED_RESPONSE',
      `The answer to ${method} ${path} does not have the shape its API specifies (${where}).`,
      { httpStatus, raw: json },
    );
  }
  return { data: parsed.data, raw: json, size: text.length, headers: response.headers };
}

// A download (an export): its text and type as the server sent them, with the same timeout and
// errors as requestJson.
export async function requestText(
  path: string,
  options: { signal?: AbortSignal } = {},
): Promise<{ text: string; type: string }> {
  const { response, text } = await send(path, '*/*', options);
  if (!response.ok) throw errorAnswer(response, text);
  return { text, type: response.headers.get('Content-Type') ?? 'application/octet-stream' };
}

async function send(
  path: string,
  accept: string,
  { method = 'GET', body, signal }: RequestOptions,
): Promise<{ response: Response; text: string }> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), CLIENT_TIMEOUT_MS);
  try {
    const response = await fetch(path, {
      method,
      headers:
        body === undefined ? { Accept: accept } : { Accept: accept, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal,
    });
    return { response, text: await response.text() };
  } catch (cause) {
    if (signal?.aborted) throw cause;
    if (timeout.signal.aborted) {
      throw clientError(
        'CLIENT_TIMEOUT',
        `The Link Token Inspector server did not answer within ${CLIENT_TIMEOUT_MS / 1000} seconds.`,
      );
    }
    throw clientError(
      'NETWORK_ERROR',
      'Could not reach the Link Token Inspector server. Check your connection and that the server is running.',
    );
  } finally {
    clearTimeout(timer);
  }
}

// The ApiError for an answer that is not 2xx: the server's own error body when it has one.
function errorAnswer(response: Response, text: string): ApiError {
  const httpStatus = response.status;
  const retryAfter = Number(response.headers.get('Retry-After'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return notJson(text, { httpStatus, retryAfterSeconds });
  }
  const error = PlaidErrorSchema.safeParse(json);
  if (error.success) return new ApiError(error.data, { httpStatus, retryAfterSeconds, raw: json });
  return clientError(
    'UNEXPECTED_RESPONSE',
    `The server answered HTTP ${httpStatus} with an error of an unknown shape.`,
    { httpStatus, retryAfterSeconds, raw: json },
  );
}

// The ApiError for a body that is not JSON (a proxy's HTML page, a cut-off answer): its start only.
function notJson(text: string, details: { httpStatus: number; retryAfterSeconds?: number | null }): ApiError {
  return clientError(
    'UNEXPECTED_RESPONSE',
    `The server answered HTTP ${details.httpStatus} with something that is not JSON.`,
    { ...details, raw: text.slice(0, 2000) },
  );
}
