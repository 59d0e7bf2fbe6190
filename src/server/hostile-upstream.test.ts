import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../shared/json-depth';
import { createApp } from './app';
import { loadConfig } from './config';
import { json, startFakeUpstream, type FakeUpstream } from './testing/fake-upstream';

// What a broken or hostile upstream (a stand-in for Plaid on real HTTP) can send, and what reaches
// the user of the proxy in-process.

const TOKEN = 'link-sandbox-af1a0311-da53-4636-b754-dd15cc058176';

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(() => upstream.close());
beforeEach(() => {
  upstream.requests.length = 0;
});

function appWith(env: Record<string, string> = {}) {
  return createApp(
    loadConfig({
      PLAID_UPSTREAM: 'plaid',
      LOG_LEVEL: 'silent',
      PLAID_CLIENT_ID: 'server-client-id',
      PLAID_SECRET_SANDBOX: 'server-sandbox-secret',
      PLAID_SANDBOX_URL: upstream.url,
      ...env,
    }),
  );
}

function lookup(app: ReturnType<typeof appWith>) {
  return app.request('/api/link/token/get', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ link_token: TOKEN }),
  });
}

// {"request_id":"r","extra":{"a":{"a":…1…}}} with `depth` levels in all.
function nestedAnswer(depth: number): string {
  return `{"request_id":"r","extra":${'{"a":'.repeat(depth - 1)}1${'}'.repeat(depth - 1)}}`;
}

describe('deeply nested answers', () => {
  it(`refuses an answer nested deeper than ${MAX_JSON_DEPTH} levels with UPSTREAM_BAD_RESPONSE`, async () => {
    for (const depth of [MAX_JSON_DEPTH + 1, 1_000, 100_000]) {
      upstream.answerWith(json(200, nestedAnswer(depth)));
      const response = await lookup(appWith());
      expect(response.status, `${depth} levels`).toBe(502);
      expect(await response.json()).toMatchObject({
        error_code: 'UPSTREAM_BAD_RESPONSE',
        error_message: `Plaid answered HTTP 200 with JSON nested deeper than ${MAX_JSON_DEPTH} levels.`,
      });
    }
  });

  it(`passes an answer of ${MAX_JSON_DEPTH} levels through`, async () => {
    const body = nestedAnswer(MAX_JSON_DEPTH);
    upstream.answerWith(json(200, body));
    const response = await lookup(appWith());
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(body);
  });
});
