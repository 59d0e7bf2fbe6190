import type { RequestIdVariables } from 'hono/request-id';
import type { LookupVariables } from './observability/lookup-facts';

// What middleware and routes share on the Hono context: c.get('requestId') for our error bodies
// and logs, c.get('lookup') for the audit log and metrics.
export type AppEnv = { Variables: RequestIdVariables & LookupVariables };
