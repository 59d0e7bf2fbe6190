import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in for Plaid that knows any number of tokens: it sends each /link/token/get on to the
// simulator with the fixture token the asked one stands for, and writes the asked token back into
// the answer. The batch benchmark uses it to look up 500 distinct tokens where the simulator knows
// a few dozen, without touching the browser's side of the path. Everything else passes unchanged.

export type FixtureRewriter = { url: string; stop(): Promise<void> };

// Headers fetch() must not be handed, or that describe the body we rewrite.
const DROPPED = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

function forwardedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string' && !DROPPED.has(name)) kept[name] = value;
  }
  return kept;
}

export async function startFixtureRewriter(
  simulatorUrl: string,
  fixtureOf: (token: string) => string | undefined,
): Promise<FixtureRewriter> {
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let body = Buffer.concat(chunks).toString('utf8');
    let asked: string | undefined;
    let fixture: string | undefined;
    if (request.url === '/link/token/get') {
      const parsed = JSON.parse(body) as { link_token: string };
      asked = parsed.link_token;
      fixture = fixtureOf(asked);
      if (fixture) body = JSON.stringify({ ...parsed, link_token: fixture });
    }
    const answer = await fetch(`${simulatorUrl}${request.url}`, {
      method: request.method,
      headers: forwardedHeaders(request.headers),
      body: request.method === 'POST' ? body : undefined,
    });
    let text = await answer.text();
    if (asked && fixture) text = text.replaceAll(fixture, asked);
    response.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'application/json',
    });
    response.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
