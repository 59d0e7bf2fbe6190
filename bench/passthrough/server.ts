import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';

// The limit the benchmark measures our proxy against: the least a proxy for this lookup can do in
// Node. node:http in, one undici Pool of keep-alive connections out, the credentials added as
// headers, the body and the answer passed on as bytes. No checks at all (no origin, size, JSON or
// token check, no access control, rate limit, log line or metric), so no real proxy can be faster.
// It exists only for bench/overhead.ts and is never shipped.
//
// Env: PASSTHROUGH_UPSTREAM_URL (the simulator), PASSTHROUGH_CLIENT_ID, PASSTHROUGH_SECRET.
// Listens on 127.0.0.1 on an ephemeral port and reports the URL to the parent over IPC.

const upstream = new Pool(process.env.PASSTHROUGH_UPSTREAM_URL!);
const upstreamHeaders = {
  'content-type': 'application/json',
  'plaid-client-id': process.env.PASSTHROUGH_CLIENT_ID!,
  'plaid-secret': process.env.PASSTHROUGH_SECRET!,
  'plaid-version': '2020-09-14',
};

const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const answer = await upstream.request({
      path: '/link/token/get',
      method: 'POST',
      headers: upstreamHeaders,
      body: Buffer.concat(chunks),
    });
    const body = Buffer.from(await answer.body.arrayBuffer());
    res.writeHead(answer.statusCode, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  } catch {
    res.writeHead(502).end();
  }
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ url: `http://127.0.0.1:${port}` });
});

// An orderly exit (rather than being killed by the signal) lets `node --cpu-prof` write its profile.
process.once('SIGTERM', () => process.exit(0));
