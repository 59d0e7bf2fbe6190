import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context } from 'hono';
import { setTimeout as sleep } from 'node:timers/promises';
import { internalServerError, plannedMaintenance, rateLimitExceeded } from './errors';
import { RETRY_AFTER_SECONDS, type Fault } from './faults';

export type SimulatorEnv = { Bindings: HttpBindings };

// The answer the request would have had without the fault.
export interface PlannedAnswer {
  status: number;
  body: unknown;
}

// What an AWS / nginx load balancer sends when the service behind it fails: HTML, not JSON.
const BAD_GATEWAY_HTML = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
</body>
</html>
`;

// Sends `planned` spoiled by `fault`: delayed, replaced by an error, broken, or not sent at all.
export async function sendFault(
  c: Context<SimulatorEnv>,
  fault: Fault,
  requestId: string,
  planned: PlannedAnswer,
): Promise<Response> {
  switch (fault.kind) {
    case 'latency':
      await sleep(fault.ms);
      return c.json(planned.body, planned.status as 200);
    case 'internal-error':
      return c.json(internalServerError(requestId).error, 500);
    case 'maintenance':
      return c.json(plannedMaintenance(requestId).error, 503);
    case 'rate-limit':
      return c.json(rateLimitExceeded(requestId).error, 429, { 'Retry-After': String(RETRY_AFTER_SECONDS) });
    case 'bad-gateway':
      return c.html(BAD_GATEWAY_HTML, 502);
    case 'malformed-json':
      // The answer with its closing brace lost, as a broken serializer or proxy would send it.
      return c.body(JSON.stringify(planned.body).slice(0, -1), planned.status as 200, {
        'Content-Type': 'application/json',
      });
    // The remaining faults act on the connection itself, below HTTP, so they need Node's socket.
    case 'truncated': {
      const { incoming, outgoing } = rawConnection(c);
      const full = Buffer.from(JSON.stringify(planned.body));
      outgoing.writeHead(planned.status, {
        'Content-Type': 'application/json',
        'Content-Length': full.length,
      });
      outgoing.write(full.subarray(0, Math.floor(full.length / 2)), () => incoming.socket.destroy());
      return RESPONSE_ALREADY_SENT;
    }
    case 'reset':
      rawConnection(c).incoming.socket.resetAndDestroy();
      return RESPONSE_ALREADY_SENT;
    case 'hang': {
      // Answer nothing; return only once the client (its timeout) or close() ends the connection,
      // so a hanging request never outlives its socket.
      const { socket } = rawConnection(c).incoming;
      if (!socket.destroyed) await new Promise((resolve) => socket.once('close', resolve));
      return RESPONSE_ALREADY_SENT;
    }
  }
}

function rawConnection(c: Context<SimulatorEnv>): HttpBindings {
  if (!c.env?.incoming) {
    throw new Error('This fault needs a real connection: serve the simulator with startSimulator().');
  }
  return c.env;
}
