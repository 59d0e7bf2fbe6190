import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { respondWithProxyError } from '../proxy-error-response';
import type { SecurityVariables } from './context';

// A lookup body is a token and at most a credential pair: well under 1 KB. The cap stops a client
// from making the server buffer large bodies.
export const MAX_BODY_BYTES = 16 * 1024;

type Env = { Variables: SecurityVariables };

export function bodySizeLimit(maxBytes: number = MAX_BODY_BYTES) {
  const tooLarge = (c: Context<Env>) =>
    respondWithProxyError(c, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBytes / 1024} KB.`);
  const streamedLimit = bodyLimit({ maxSize: maxBytes, onError: tooLarge });

  return createMiddleware<Env>(async (c, next) => {
    // Node's HTTP parser holds a body to its Content-Length, so the header alone settles the size.
    // Settling it here, before hono's bodyLimit, matters for speed: bodyLimit reads c.req.raw.body,
    // which makes @hono/node-server build a full web Request (streams, abort signal) for every
    // lookup, about a tenth of the proxy's CPU (docs/benchmarks.md, Latest figures). A body without a length
    // (chunked) is read by bodyLimit, which hands the route the bytes it read.
    const declared = c.req.header('Content-Length');
    if (declared !== undefined && c.req.header('Transfer-Encoding') === undefined) {
      if (Number(declared) > maxBytes) return tooLarge(c);
      return next();
    }
    return streamedLimit(c, next);
  });
}
