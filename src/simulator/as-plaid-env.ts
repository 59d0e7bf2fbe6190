import { SIMULATOR_CLIENT_ID, SIMULATOR_SECRET } from './credentials';
import { simulatorUrls } from './server';

// The environment that points the proxy at a running simulator exactly as it would point at
// Plaid (plaid mode, both environments, the simulator's credentials as the server's own), so
// tests exercise the real-Plaid code path over HTTP.
export function simulatorAsPlaidEnv(simulatorUrl: string): Record<string, string> {
  const urls = simulatorUrls(simulatorUrl);
  return {
    PLAID_UPSTREAM: 'plaid',
    PLAID_CLIENT_ID: SIMULATOR_CLIENT_ID,
    PLAID_SECRET_SANDBOX: SIMULATOR_SECRET,
    PLAID_SECRET_PRODUCTION: SIMULATOR_SECRET,
    PLAID_SANDBOX_URL: urls.sandbox,
    PLAID_PRODUCTION_URL: urls.production,
  };
}
