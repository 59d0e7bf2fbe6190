import type { RequestIdVariables } from 'hono/request-id';
import type { TimingVariables } from 'hono/timing';
import type { ApiKeyScope } from '../shared/schemas/api-keys';
import type { SecurityVariables } from './middleware/context';
import type { LookupVariables } from './observability/lookup-facts';

// What middleware and routes share on the Hono context: c.get('requestId') for our error bodies
// and logs, c.get('lookup') for the audit log and metrics, c.get('user') and c.get('log'), and
// hono/timing's metrics on the routes that time their work (Server-Timing), and c.get('apiKey') on
// the routes for machine clients (auth/api-keys.ts).
export type AppEnv = {
  Variables: RequestIdVariables & LookupVariables & SecurityVariables & TimingVariables & ApiKeyVariables;
};

// The API key a machine client called with, once requireApiKey has let it through.
export type ApiKeyVariables = { apiKey: { id: string; name: string; scopes: ApiKeyScope[] } };
