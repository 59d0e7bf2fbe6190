import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import type { Config } from '../config';
import { institutionLookup } from '../routes/institutions-get-by-id';
import { linkTokenLookup } from '../routes/link-token-get';
import type { Store } from '../store/store';
import type { BytesInFlight } from '../upstream/bytes-in-flight';
import { inspectorTools } from './inspector-tools';

// POST /mcp: the Model Context Protocol's Streamable HTTP transport (the SDK's web-standard one,
// which takes Hono's Request and returns a Response), stateless: each request gets its own server
// and transport, so any instance can answer any request and nothing is kept between them. Answers
// are plain JSON, not event streams. There is no GET stream to open and no session to DELETE.
// The guards (who may call, Host and Origin, rate limit, body size) are app.ts's.
export function mcpRoute(config: Config, bytesInFlight: BytesInFlight, store?: Store) {
  // The same lookups as the page's routes (the institution lookup with a cache of its own).
  const lookups = {
    linkToken: linkTokenLookup(config, bytesInFlight, store),
    institution: institutionLookup(config, bytesInFlight),
  };
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const server = inspectorTools(c, config, lookups, store);
      const transport = new WebStandardStreamableHTTPServerTransport({
        sessionIdGenerator: undefined,
        enableJsonResponse: true,
      });
      await server.connect(transport);
      try {
        return await transport.handleRequest(c.req.raw);
      } finally {
        await server.close();
      }
    })
    .all('/', (c) => {
      c.header('Allow', 'POST');
      return c.json(
        {
          jsonrpc: '2.0',
          error: { code: -32000, message: 'This MCP server is stateless: send each request as a POST.' },
          id: null,
        },
        405,
      );
    });
}

// Who may call /mcp: a signed-in user (the page's own sign-in), or a machine client with an API key
// scoped mcp (Authorization: Bearer). A key's calls are attributed to it, as "api-key:<its name>",
// in the audit log, the rate limit and the store.
export function userOrApiKey(
  signIn: MiddlewareHandler,
  apiKey: MiddlewareHandler<AppEnv>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!/^Bearer /i.test(c.req.header('Authorization') ?? '')) return signIn(c, next);
    return apiKey(c, async () => {
      c.set('user', `api-key:${c.get('apiKey').name}`);
      await next();
    });
  };
}
