import type { Context } from 'hono';
import type { z } from 'zod';
import { PlaidErrorSchema, type PlaidError } from '../../shared/schemas/plaid-error';
import { PROXY_ERROR_CODES, proxyError, type ProxyErrorCode } from '../../shared/schemas/proxy-error';
import type { AppEnv } from '../app-env';
import type { PlaidReply } from '../routes/ask-plaid';

// A Plaid question's reply read as the browser reads the route's answer (client/api/request-json.ts):
// Plaid's success parsed with its shared schema, or the error the page would show, with its HTTP
// status, for diagnoseLookupError.

export type LookupFailure = { error: PlaidError; httpStatus: number | null };
export type ReadReply<Data> =
  { ok: true; data: Data; body: Record<string, unknown> } | { ok: false; failure: LookupFailure };

export function readReply<Schema extends z.ZodType>(
  c: Context<AppEnv>,
  reply: PlaidReply,
  schema: Schema,
): ReadReply<z.output<Schema>> {
  if (reply.kind === 'gone')
    return ours(c, 'INTERNAL_ERROR', 'The MCP client went away before Plaid answered.');
  if (reply.kind === 'refused') return ours(c, reply.code, reply.message);
  const { status } = reply.outcome;
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(reply.outcome.body));
  } catch {
    return ours(c, 'UPSTREAM_BAD_RESPONSE', `Plaid answered HTTP ${status} with something that is not JSON.`);
  }
  if (status !== 200) {
    const error = PlaidErrorSchema.safeParse(body);
    return error.success
      ? { ok: false, failure: { error: error.data, httpStatus: status } }
      : ours(c, 'UPSTREAM_BAD_RESPONSE', `Plaid answered HTTP ${status} with an error of an unknown shape.`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    return ours(
      c,
      'UPSTREAM_BAD_RESPONSE',
      `Plaid's answer does not have the shape its API specifies (${where}).`,
    );
  }
  return { ok: true, data: parsed.data, body: body as Record<string, unknown> };
}

function ours(
  c: Context<AppEnv>,
  code: ProxyErrorCode,
  message: string,
): { ok: false; failure: LookupFailure } {
  return { ok: false, failure: inspectorFailure(c, code, message) };
}

// An error of the inspector's own, as its API would answer it.
export function inspectorFailure(c: Context<AppEnv>, code: ProxyErrorCode, message: string): LookupFailure {
  return { error: proxyError(code, message, c.get('requestId')), httpStatus: PROXY_ERROR_CODES[code] };
}
