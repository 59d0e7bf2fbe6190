import type { z } from 'zod';

// GET a small JSON document from our own server and check its shape. Failures become Errors with
// a sentence a user can act on; the lookup itself has its own richer error type (LookupError).
export async function fetchJson<T>(
  url: string,
  schema: z.ZodType<T>,
  options: { signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, signal: options.signal });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new Error(`Could not reach the server for ${url}.`, { cause });
  }
  if (!response.ok) throw new Error(`The server answered HTTP ${response.status} for ${url}.`);
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new Error(`The server's answer for ${url} is not JSON.`, { cause });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`The server's answer for ${url} does not have the expected shape.`);
  return parsed.data;
}
