import { Hono } from 'hono';
import { PLAID_ENVIRONMENTS } from '../../shared/link-token';
import type { ServerInfo } from '../../shared/api-types';
import type { AppEnv } from '../app-env';
import type { Config } from '../config';

// GET /api/config: what the UI needs to label the mode and shape the form. Built from a fixed list
// of fields so that no secret can slip in.
export function serverInfoRoute(config: Config) {
  const info: ServerInfo = {
    mode: config.mode,
    serverCredentials: PLAID_ENVIRONMENTS.filter(
      (environment) => config.plaid.clientId !== undefined && config.plaid.secrets[environment] !== undefined,
    ),
    allowRequestCredentials: config.allowRequestCredentials,
    rateLimitPerMinute: config.security.rateLimitPerMinute,
    publicUrl: config.publicUrl ?? null,
  };
  return new Hono<AppEnv>().get('/', (c) => c.json(info));
}
