import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createLogger } from '../../src/server/observability/logger';

// Our proxy with no store of kept answers (createApp without one, as before the store existed): the
// benchmark's yardstick for what keeping answers costs a lookup. Configured from the environment
// like dist/server/main.js, but run from the sources under tsx.
const config = loadConfig(process.env);
const app = createApp(config, { logger: createLogger({ level: config.logLevel }) });
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
  process.send?.({ url: `http://127.0.0.1:${info.port}` });
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
