import type { Logger } from 'pino';

// Values the security and observability middleware put on the Hono context for later middleware
// and routes: c.get('requestId'), c.get('user'), c.get('log').
export type SecurityVariables = {
  requestId: string;
  // The authenticated user's name, or "local" when the server runs on loopback without access
  // control. Every audit log line carries it.
  user: string;
  log: Logger;
};
