import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { json, startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream';

// The lookup body's checks that depend on configuration, through the whole app. (What every
// deployment refuses is in link-token-get.test.ts.)

const TOKEN = 'link-sandbox-00000000-0000-4000-8000-000000000000';

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(() => upstream.close());
beforeEach(() => {
  upstream.requests.length = 0;
  upstream.answerWith(json(200, { link_token: TOKEN, request_id: 'plaid-req-1' }));
});

// ALLOW_REQUEST_CREDENTIALS=false: the server's own credentials only.
const app = () =>
  createApp(
    loadConfig({
      PLAID_UPSTREAM: 'plaid',
      LOG_LEVEL: 'silent',
      ALLOW_REQUEST_CREDENTIALS: 'false',
      PLAID_CLIENT_ID: 'server-client-id',
      PLAID_SECRET_SANDBOX: 'server-sandbox-secret',
      PLAID_SANDBOX_URL: upstream.url,
    }),
  );

function lookup(body: string) {
  return app().request('/api/link/token/get', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
}

describe('refusing credentials in requests (ALLOW_REQUEST_CREDENTIALS=false)', () => {
  it('answers 400 REQUEST_CREDENTIALS_DISABLED when a lookup brings client_id or secret', async () => {
    for (const body of [
      { link_token: TOKEN, client_id: 'id', secret: 'a-secret-value' },
      { link_token: TOKEN, secret: 'a-secret-value' },
      { link_token: TOKEN, client_id: 'id' },
      // Whatever else is wrong with the body: what it brings is the reason.
      { client_id: 42, secret: 'a-secret-value' },
    ]) {
      const response = await lookup(JSON.stringify(body));
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({
        error_type: 'PROXY_ERROR',
        error_code: 'REQUEST_CREDENTIALS_DISABLED',
        request_id: response.headers.get('X-Request-Id'),
      });
      expect(text).not.toContain('a-secret-value');
    }
    expect(upstream.requests).toHaveLength(0);
  });

  it("looks a token up without credentials, with the server's own", async () => {
    const response = await lookup(JSON.stringify({ link_token: TOKEN }));
    expect(response.status).toBe(200);
    expect(upstream.requests[0]?.headers['plaid-secret']).toBe('server-sandbox-secret');
  });

  it('answers a body that is not JSON with INVALID_BODY, as every deployment does', async () => {
    const response = await lookup('{"client_id": "id", ');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error_code: 'INVALID_BODY' });
  });
});

describe('credentials that cannot travel in an HTTP header', () => {
  const appTakingCredentials = () =>
    createApp(loadConfig({ PLAID_UPSTREAM: 'plaid', LOG_LEVEL: 'silent', PLAID_SANDBOX_URL: upstream.url }));

  it.each([
    ['a line break in the secret', { secret: 'abc\r\nX-Injected: 1' }, 'secret'],
    ['a NUL in the secret', { secret: 'abc\u0000def' }, 'secret'],
    ['a letter outside Latin-1 in the secret', { secret: 'sécret€' }, 'secret'],
    ['a tab in the client_id', { client_id: 'client\tid' }, 'client_id'],
  ])('answers 400 INVALID_BODY for %s, and asks nobody upstream', async (_name, credentials, field) => {
    const response = await appTakingCredentials().request('/api/link/token/get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ link_token: TOKEN, client_id: 'client-id', secret: 'secret', ...credentials }),
    });
    expect(response.status).toBe(400);
    const error = await response.json();
    expect(error).toMatchObject({ error_code: 'INVALID_BODY' });
    expect(error.error_message).toBe(
      `${field} must contain printable ASCII characters only (no line breaks, control characters or accented letters).`,
    );
    expect(upstream.requests).toHaveLength(0);
  });
});
