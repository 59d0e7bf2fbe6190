import { zValidator } from '@hono/zod-validator';
import type { z } from 'zod';
import { LinkTokenGetRequestSchema } from '../../shared/schemas/link-token-get-request';
import type { ProxyErrorCode } from '../../shared/schemas/proxy-error';
import { respondWithProxyError } from '../proxy-error-response';

// A request's body, read once and checked by hono's validator against its shared request schema;
// what fails becomes the PROXY_ERROR a caller can act on. The route then reads c.req.valid('json').

export const NOT_A_JSON_OBJECT =
  'Send a JSON object such as {"link_token": "link-sandbox-…"}, with client_id and secret if the server holds no credentials.';

// With ALLOW_REQUEST_CREDENTIALS=false the deployment uses only the credentials it holds itself:
// a lookup that brings its own client_id / secret is refused before anything is sent upstream, so
// nobody can use this server to try credentials against Plaid. Checked before the body's shape, so
// that such a lookup is refused for what it brings whatever else is wrong with it.
export function checkedBody<Schema extends z.ZodType>(
  schema: Schema,
  rules: {
    allowRequestCredentials: boolean;
    // What to send instead, e.g. "the link_token".
    sendOnly: string;
    reject: (error: z.core.$ZodError, body: unknown) => Rejection;
  },
) {
  return zValidator('json', schema, (result, c) => {
    if (!rules.allowRequestCredentials && bringsCredentials(result.data)) {
      return respondWithProxyError(
        c,
        'REQUEST_CREDENTIALS_DISABLED',
        `This server uses its own Plaid credentials only; send ${rules.sendOnly} without client_id and secret.`,
      );
    }
    if (!result.success) {
      const { code, message } = rules.reject(result.error, result.data);
      return respondWithProxyError(c, code, message);
    }
  });
}

// The token lookup's body.
export function lookupBody(allowRequestCredentials: boolean) {
  return checkedBody(LinkTokenGetRequestSchema, {
    allowRequestCredentials,
    sendOnly: 'the link_token',
    reject: rejection,
  });
}

// On failure the validator hands over the body as sent, so this may be any JSON value.
function bringsCredentials(body: unknown): boolean {
  return typeof body === 'object' && body !== null && ('client_id' in body || 'secret' in body);
}

export type Rejection = { code: ProxyErrorCode; message: string };

function rejection(error: z.core.$ZodError, body: unknown): Rejection {
  const issue = error.issues[0];
  const field = issue?.path[0];
  // The schema's one refinement: a client_id without a secret or the other way round.
  if (issue?.code === 'custom') return { code: 'INCOMPLETE_CREDENTIALS', message: issue.message };
  if (field === 'link_token' && typeof (body as { link_token?: unknown }).link_token === 'string') {
    return { code: 'MALFORMED_LINK_TOKEN', message: 'Paste a link token.' };
  }
  if (typeof field !== 'string') return { code: 'INVALID_BODY', message: NOT_A_JSON_OBJECT };
  // The credentials' character check (shared/schemas/link-token-get-request.ts).
  if (issue?.code === 'invalid_format')
    return { code: 'INVALID_BODY', message: `${field} ${issue.message}.` };
  return { code: 'INVALID_BODY', message: `${field} must be a non-empty string.` };
}
