import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importJWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinkWebhookSchema } from '../shared/schemas/link-webhooks';
import { scenarioToken } from './scenarios';
import { LIVE_EVENT_COUNT } from './scenarios/live';
import { startSimulator, type RunningSimulator } from './server';
import { PLAID_HEADERS } from './test-support';

// The simulator's webhooks over HTTP: the key it serves verifies what it signs, as Plaid's does.

type Received = { headers: IncomingHttpHeaders; body: string };
let simulator: RunningSimulator;
let receiver: { url: string; received: Received[]; close(): void };
beforeAll(async () => {
  simulator = await startSimulator();
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"kept":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  receiver = { url: `http://127.0.0.1:${port}/hook`, received, close: () => server.close() };
});
afterAll(async () => {
  receiver.close();
  await simulator.close();
});

function getKey(keyId: unknown, headers: Record<string, string> = PLAID_HEADERS, base = simulator.url) {
  return fetch(`${base}/webhook_verification_key/get`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ key_id: keyId }),
  });
}

describe('webhooks', () => {
  it("sends the live session's EVENTS and SESSION_FINISHED, signed with the key it serves in both environments", async () => {
    const answer = await fetch(`${simulator.url}/simulator/webhooks/send`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: receiver.url }),
    });
    expect(await answer.json()).toEqual({
      sent: [
        { webhook_code: 'EVENTS', status: 200, answer: '{"kept":true}' },
        { webhook_code: 'SESSION_FINISHED', status: 200, answer: '{"kept":true}' },
      ],
    });
    const [events, finished] = receiver.received.map(({ body }) => LinkWebhookSchema.parse(JSON.parse(body)));
    expect(events).toMatchObject({
      webhook_code: 'EVENTS',
      link_token: scenarioToken('live'),
      environment: 'sandbox',
    });
    expect(events?.webhook_code === 'EVENTS' && events.events).toHaveLength(LIVE_EVENT_COUNT);
    expect(finished).toMatchObject({
      webhook_code: 'SESSION_FINISHED',
      status: 'SUCCESS',
      link_session_id: events?.link_session_id,
    });

    for (const { headers, body } of receiver.received) {
      const token = String(headers['plaid-verification']);
      const { kid } = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as {
        kid: string;
      };
      for (const base of [simulator.urls.sandbox, simulator.urls.production]) {
        const served = (await (await getKey(kid, PLAID_HEADERS, base)).json()) as {
          key: Record<string, unknown>;
        };
        expect(served.key).toMatchObject({
          alg: 'ES256',
          kty: 'EC',
          crv: 'P-256',
          use: 'sig',
          kid,
          expired_at: null,
        });
        const { payload, protectedHeader } = await jwtVerify(token, await importJWK(served.key, 'ES256'));
        expect(protectedHeader.alg).toBe('ES256');
        expect(payload.request_body_sha256).toBe(createHash('sha256').update(body).digest('hex'));
      }
      // Pretty-printed like Plaid's.
      expect(body).toContain('\n  "webhook_type": "LINK"');
    }
  });

  it("answers Plaid's errors for an unknown key_id, no key_id, or no credentials", async () => {
    expect(await (await getKey('not-a-kid')).json()).toMatchObject({
      error_type: 'INVALID_INPUT',
      error_code: 'INVALID_WEBHOOK_VERIFICATION_KEY_ID',
    });
    expect(await (await getKey(undefined)).json()).toMatchObject({ error_code: 'MISSING_FIELDS' });
    const anonymous = await getKey('x', { 'Content-Type': 'application/json' });
    expect(anonymous.status).toBe(400);
    expect(await anonymous.json()).toMatchObject({ error_code: 'MISSING_FIELDS' });
  });

  it('asks for a URL to send to', async () => {
    const answer = await fetch(`${simulator.url}/simulator/webhooks/send`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: 'file:///etc/passwd' }),
    });
    expect(answer.status).toBe(400);
  });
});
