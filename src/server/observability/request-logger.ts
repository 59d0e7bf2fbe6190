import { createMiddleware } from 'hono/factory';
import type { Logger } from 'pino';
import type { SecurityVariables } from '../middleware/context';
import type { LookupFacts, LookupVariables } from './lookup-facts';

// One JSON line per request, written when the answer is ready: who asked (user), what for, how it
// went and how long it took. For lookups the line is the audit record ("lookup"), with the link
// token or institution, the environment, Plaid's status and request_id. Query strings are not
// logged.
// It also gives every later handler c.get('log'), a logger that stamps the request id.
export function requestLogger(logger: Logger) {
  // The request line is an allow-list: each field is picked below from values that cannot hold a
  // credential. So it skips the redaction pass, which pino runs on every value of a line and which
  // cost about 8% of the proxy's CPU per lookup (docs/benchmarks.md, Latest figures). What handlers
  // log through c.get('log') is still redacted.
  const requestLog = logger.child({}, { redact: { paths: [] } });
  return createMiddleware<{ Variables: SecurityVariables & LookupVariables }>(async (c, next) => {
    const started = performance.now();
    c.set('log', logger.child({ request_id: c.get('requestId') }));
    await next();

    const status = c.res.status;
    const lookup = c.get('lookup');
    const line = {
      request_id: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status,
      latency_ms: Math.round(performance.now() - started),
      user: c.get('user'),
      ...(lookup && lookupFields(lookup)),
    };
    const message = lookup ? 'lookup' : 'request';
    if (status >= 500) requestLog.error(line, message);
    else requestLog.info(line, message);
  });
}

// What an audit line says about one lookup (the MCP tools log one per token of a batch).
export function lookupFields(lookup: LookupFacts) {
  return {
    link_token: lookup.linkToken,
    institution_id: lookup.institutionId,
    environment: lookup.environment,
    credentials: lookup.credentials,
    upstream_status: lookup.upstream?.status,
    upstream_ms: lookup.upstream && Math.round(lookup.upstream.durationMs),
    plaid_request_id: lookup.upstream?.plaidRequestId,
    reused: lookup.reused,
  };
}
