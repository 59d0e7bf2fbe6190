import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { describe, expect, it } from 'vitest';
import { allowedHostList } from './allowed-hosts';
import { bodySizeLimit } from './body-size-limit';
import type { SecurityVariables } from './context';
import { jsonOnly } from './json-only';
import { sameOriginOnly } from './same-origin';

// The three guards in the order the app applies them to API POSTs.
const app = new Hono<{ Variables: SecurityVariables }>();
app.use(requestId());
app.post(
  '/api/echo',
  sameOriginOnly(allowedHostList(['inspector.internal'])),
  jsonOnly(),
  bodySizeLimit(),
  async (c) => c.json(await c.req.json()),
);

const body = JSON.stringify({ link_token: 'link-sandbox-00000000-0000-4000-8000-000000000000' });

function post(headers: Record<string, string>, payload: string = body) {
  return app.request('http://inspector.internal:3000/api/echo', {
    method: 'POST',
    headers: { Host: 'inspector.internal:3000', 'Content-Type': 'application/json', ...headers },
    body: payload,
  });
}

describe('same-origin guard', () => {
  it('accepts our own page (Sec-Fetch-Site same-origin) and typed-in requests (none)', async () => {
    expect(
      (await post({ 'Sec-Fetch-Site': 'same-origin', Origin: 'http://inspector.internal:3000' })).status,
    ).toBe(200);
    expect((await post({ 'Sec-Fetch-Site': 'none' })).status).toBe(200);
  });

  it('refuses a cross-site or same-site request with 403 FORBIDDEN_ORIGIN', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const response = await post({ 'Sec-Fetch-Site': site, Origin: 'https://evil.example' });
      expect(response.status).toBe(403);
      const error = await response.json();
      expect(error).toMatchObject({ error_type: 'PROXY_ERROR', error_code: 'FORBIDDEN_ORIGIN', status: 403 });
      expect(error.request_id).toBe(response.headers.get('X-Request-Id'));
    }
  });

  it('without Sec-Fetch-Site, compares Origin with the names the server answers to', async () => {
    expect((await post({ Origin: 'http://inspector.internal:3000' })).status).toBe(200);
    expect((await post({ Origin: 'http://localhost:5173' })).status).toBe(200);
    expect((await post({ Origin: 'http://inspector.example:3000' })).status).toBe(403);
    expect((await post({ Origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ Origin: 'null' })).status).toBe(403);
  });

  it('accepts a request carrying neither header (curl, scripts: no browser session to abuse)', async () => {
    expect((await post({})).status).toBe(200);
  });
});

describe('JSON-only guard', () => {
  it('refuses other media types with 415 UNSUPPORTED_MEDIA_TYPE, form posts included', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const response = await post({ 'Content-Type': type });
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ error_code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 });
    }
  });

  it('refuses a body without Content-Type', async () => {
    const response = await app.request('/api/echo', { method: 'POST', body });
    expect(response.status).toBe(415);
  });

  it('accepts application/json with a charset', async () => {
    expect((await post({ 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(200);
  });
});

describe('body size limit', () => {
  it('refuses a body over 16 KB with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await post({}, JSON.stringify({ link_token: 'x'.repeat(17 * 1024) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      error_type: 'PROXY_ERROR',
      error_code: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('refuses an oversized body sent without Content-Length (streamed)', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(8 * 1024));
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 3; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await app.request('/api/echo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: stream,
      // @ts-expect-error Node's fetch needs this for a stream body; the DOM types do not know it
      duplex: 'half',
    });
    expect(response.status).toBe(413);
  });

  it('accepts a body under the limit', async () => {
    expect((await post({}, JSON.stringify({ link_token: 'x'.repeat(15 * 1024) }))).status).toBe(200);
  });

  it('refuses on a declared Content-Length over the limit, before reading the body', async () => {
    const response = await post({ 'Content-Length': String(17 * 1024) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error_code: 'PAYLOAD_TOO_LARGE' });
  });

  it('accepts a body whose declared Content-Length is under the limit', async () => {
    const response = await post({ 'Content-Length': String(Buffer.byteLength(body)) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(body));
  });
});
