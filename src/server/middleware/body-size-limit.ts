import { bodyLimit } from 'hono/body-limit';
import type { Context } from 'hono';
import { proxyError } from '../../shared/schemas/proxy-error';

// A lookup body is a token and at most a credential pair: well under 1 KB. The cap stops a client
// from making the server buffer large bodies.
export const MAX_BODY_BYTES = 16 * 1024;

export function bodySizeLimit(maxBytes: number = MAX_BODY_BYTES) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c: Context) =>
      c.json(
        proxyError(
          'PAYLOAD_TOO_LARGE',
          `The request body is larger than ${maxBytes / 1024} KB.`,
          c.get('requestId'),
        ),
        413,
      ),
  });
}
