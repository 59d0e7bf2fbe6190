import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A real HTTP server on 127.0.0.1 standing in for Plaid in server tests. It records what the
// proxy sent and answers however the test says, down to cutting a connection mid-body, which a
// framework-level fake could not do.

export type RecordedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string };
export type UpstreamHandler = (request: RecordedRequest, res: ServerResponse, req: IncomingMessage) => void;

export type FakeUpstream = {
  url: string;
  requests: RecordedRequest[];
  // TCP connections opened so far (to check that the proxy reuses them).
  connectionCount(): number;
  // Sets how the following requests are answered; handlers are used in turn, the last one repeats.
  answerWith(...handlers: UpstreamHandler[]): void;
  close(): Promise<void>;
};

export function json(status: number, body: unknown, headers: Record<string, string> = {}): UpstreamHandler {
  return (_request, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
}

export async function startFakeUpstream(): Promise<FakeUpstream> {
  const requests: RecordedRequest[] = [];
  let handlers: UpstreamHandler[] = [json(200, { ok: true })];
  let connections = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const handler = handlers.length > 1 ? handlers.shift()! : handlers[0]!;
      handler(request, res, req);
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    connectionCount: () => connections,
    answerWith: (...next) => {
      handlers = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// A loopback address on which nothing listens: bind a port, then free it.
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
