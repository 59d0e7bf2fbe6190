import type { RequestIdVariables } from 'hono/request-id';
import type { TimingVariables } from 'hono/timing';
import type { SecurityVariables } from './middleware/context';
import type { LookupVariables } from './observability/lookup-facts';

// What middleware and routes share on the Hono context: c.get('requestId') for our error bodies
// and logs, c.get('lookup') for the audit log and metrics, c.get('user') and c.get('log'), and
// hono/timing's metrics on the routes that time their work (Server-Timing).
export type AppEnv = { Variables: RequestIdVariables & LookupVariables & SecurityVariables & TimingVariables };
