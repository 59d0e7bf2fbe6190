import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import type { Config } from '../config';
import { respondWithProxyError } from '../proxy-error-response';
import { listScenarioTokens } from '../../simulator';

// GET /api/simulator/tokens: the fixture tokens for the UI's picker. Against real Plaid they would
// mean nothing, so the route then answers 404 like any unknown API path.
export function simulatorTokensRoute(config: Config) {
  return new Hono<AppEnv>().get('/', (c) => {
    if (config.mode !== 'simulator') {
      return respondWithProxyError(
        c,
        'NOT_FOUND',
        'Fixture tokens exist only in simulator mode; this server talks to Plaid.',
      );
    }
    return c.json({ tokens: listScenarioTokens() });
  });
}
