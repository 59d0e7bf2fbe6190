import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATOR_CLIENT_ID, SIMULATOR_SECRET } from './credentials';
import { startSimulator, type RunningSimulator } from './server';
import { PLAID_HEADERS, postLinkTokenGet } from './test-support';

// The checks Plaid makes before it looks a token up, and the errors it answers with, over HTTP.

const FRESH = 'link-sandbox-00000000-0000-4000-8000-000000000001';
let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());

const JSON_ONLY = { 'Content-Type': 'application/json' };

describe('credentials', () => {
  it('accepts the simulator pair in the PLAID-CLIENT-ID / PLAID-SECRET headers', async () => {
    expect((await postLinkTokenGet(simulator, { link_token: FRESH })).status).toBe(200);
  });

  it('accepts them in the body too, as Plaid does', async () => {
    const body = { link_token: FRESH, client_id: SIMULATOR_CLIENT_ID, secret: SIMULATOR_SECRET };
    expect((await postLinkTokenGet(simulator, body, JSON_ONLY)).status).toBe(200);
  });

  it('answers MISSING_FIELDS naming what is missing', async () => {
    const reply = await postLinkTokenGet(simulator, { link_token: FRESH }, JSON_ONLY);
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({
      error_type: 'INVALID_REQUEST',
      error_code: 'MISSING_FIELDS',
      error_message: 'the following required fields are missing: client_id, secret',
      display_message: null,
      request_id: expect.stringMatching(/^[A-Za-z0-9]{15}$/),
      documentation_url: 'https://plaid.com/docs/errors/invalid-request/#missing_fields',
    });
  });

  it('answers INVALID_API_KEYS for a wrong secret', async () => {
    const reply = await postLinkTokenGet(
      simulator,
      { link_token: FRESH },
      { ...PLAID_HEADERS, 'PLAID-SECRET': 'nope' },
    );
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({
      error_type: 'INVALID_INPUT',
      error_code: 'INVALID_API_KEYS',
      error_message: 'invalid client_id or secret provided',
      documentation_url: 'https://plaid.com/docs/errors/invalid-input/#invalid_api_keys',
    });
  });
});

describe('the request', () => {
  it('answers INVALID_LINK_TOKEN for a well-formed token it does not know', async () => {
    const reply = await postLinkTokenGet(simulator, {
      link_token: 'link-sandbox-12345678-1234-4234-8234-123456789abc',
    });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({
      error_type: 'INVALID_INPUT',
      error_code: 'INVALID_LINK_TOKEN',
      error_message: 'invalid link_token provided',
      documentation_url: 'https://plaid.com/docs/errors/invalid-input/#invalid_link_token',
    });
  });

  it('answers MISSING_FIELDS without a link_token', async () => {
    const reply = await postLinkTokenGet(simulator, {});
    expect(reply.json).toMatchObject({
      error_code: 'MISSING_FIELDS',
      error_message: expect.stringMatching(/link_token$/),
    });
  });

  it('answers INVALID_FIELD for a link_token that is not a string', async () => {
    const reply = await postLinkTokenGet(simulator, { link_token: 7 });
    expect(reply.json).toMatchObject({ error_type: 'INVALID_REQUEST', error_code: 'INVALID_FIELD' });
  });

  it('answers UNKNOWN_FIELDS for fields the endpoint does not take', async () => {
    const reply = await postLinkTokenGet(simulator, { link_token: FRESH, access_token: 'access-sandbox-x' });
    expect(reply.json).toMatchObject({
      error_code: 'UNKNOWN_FIELDS',
      error_message: 'the following fields are not recognized by this endpoint: access_token',
    });
  });

  it('answers INVALID_BODY for a body that is not JSON', async () => {
    const reply = await postLinkTokenGet(simulator, 'link_token=abc');
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({
      error_code: 'INVALID_BODY',
      error_message: 'body could not be parsed as JSON',
    });
  });

  it('answers NOT_FOUND (404) for any other path', async () => {
    const response = await fetch(`${simulator.url}/item/get`, {
      method: 'POST',
      headers: PLAID_HEADERS,
      body: '{}',
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error_type: 'INVALID_REQUEST', error_code: 'NOT_FOUND' });
  });
});

describe('Plaid-Version', () => {
  it('accepts 2020-09-14, an older version, or none (the account default)', async () => {
    for (const version of ['2020-09-14', '2019-05-29', undefined]) {
      const headers: Record<string, string> = { ...PLAID_HEADERS };
      if (version) headers['Plaid-Version'] = version;
      else delete headers['Plaid-Version'];
      expect((await postLinkTokenGet(simulator, { link_token: FRESH }, headers)).status).toBe(200);
    }
  });

  it('answers INVALID_HEADERS for a version Plaid never had', async () => {
    const reply = await postLinkTokenGet(
      simulator,
      { link_token: FRESH },
      { ...PLAID_HEADERS, 'Plaid-Version': '2024-01-01' },
    );
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({
      error_type: 'INVALID_REQUEST',
      error_code: 'INVALID_HEADERS',
      error_message: expect.stringContaining('2024-01-01'),
    });
  });
});
