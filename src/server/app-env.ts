import type { RequestIdVariables } from 'hono/request-id';
import type { SecurityVariables } from './middleware/context';
import type { LookupVariables } from './observability/lookup-facts';

// What middleware and routes share on the Hono context: c.get('requestId') for our error bodies
// and logs, c.get('lookup') for the audit log and metrics, c.get('user') and c.get('log').
export type AppEnv = { Variables: RequestIdVariables & LookupVariables & SecurityVariables };
