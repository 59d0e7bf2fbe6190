import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ServerInfoSchema, SimulatorTokenListSchema } from '../shared/api-types';
import { createApp } from './app';
import { loadConfig } from './config';
import { listScenarioTokens } from '../simulator';
import { FAKE_ASSET_PATH, fakeClientBuild } from './testing/fake-client-build';

// The app's routes other than the lookup itself (see routes/link-token-get.test.ts).

const clientBuild = fakeClientBuild();
const emptyDir = mkdtempSync(join(tmpdir(), 'inspector-unbuilt-'));
afterAll(() => {
  clientBuild.remove();
  rmSync(emptyDir, { recursive: true });
});

const plaidEnv = {
  PLAID_CLIENT_ID: 'server-client-id-value',
  PLAID_SECRET_SANDBOX: 'server-sandbox-secret-value',
};

function appWith(env: Record<string, string>, dir = clientBuild.dir) {
  return createApp({ ...loadConfig({ LOG_LEVEL: 'silent', ...env }), clientDir: dir });
}

describe('GET /api/config', () => {
  it('describes real-Plaid mode and which environments have server credentials, and no secret', async () => {
    const response = await appWith(plaidEnv).request('/api/config');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const text = await response.text();
    expect(ServerInfoSchema.parse(JSON.parse(text))).toEqual({
      mode: 'plaid',
      serverCredentials: ['sandbox'],
      allowRequestCredentials: true,
      rateLimitPerMinute: 120,
      publicUrl: null,
    });
    expect(text).not.toContain('server-sandbox-secret-value');
    expect(text).not.toContain('server-client-id-value');
  });

  it('describes simulator mode, where the server holds credentials for both environments', async () => {
    const response = await appWith({
      ALLOW_REQUEST_CREDENTIALS: 'false',
      RATE_LIMIT_PER_MINUTE: '600',
      PUBLIC_URL: 'https://inspector.example.com/',
    }).request('/api/config');
    expect(await response.json()).toEqual({
      mode: 'simulator',
      serverCredentials: ['sandbox', 'production'],
      allowRequestCredentials: false,
      rateLimitPerMinute: 600,
      publicUrl: 'https://inspector.example.com',
    });
  });
});

describe('GET /api/simulator/tokens', () => {
  it('lists the fixture tokens in simulator mode', async () => {
    const response = await appWith({}).request('/api/simulator/tokens');
    expect(response.status).toBe(200);
    const body = SimulatorTokenListSchema.parse(await response.json());
    expect(body.tokens).toEqual(listScenarioTokens());
    expect(body.tokens.length).toBeGreaterThan(0);
  });

  it('is not found when the server talks to Plaid', async () => {
    const response = await appWith(plaidEnv).request('/api/simulator/tokens');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error_type: 'PROXY_ERROR', error_code: 'NOT_FOUND' });
  });
});

describe('API errors', () => {
  it('answers an unknown API path with a JSON NOT_FOUND carrying our request id', async () => {
    const response = await appWith({}).request('/api/nope', { method: 'DELETE' });
    expect(response.status).toBe(404);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const body = await response.json();
    expect(body).toMatchObject({
      error_type: 'PROXY_ERROR',
      error_code: 'NOT_FOUND',
      error_message: 'There is no API endpoint DELETE /api/nope.',
      status: 404,
    });
    expect(body.request_id).toBe(response.headers.get('X-Request-Id'));
    expect(body.request_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('turns an unexpected exception into a JSON INTERNAL_ERROR without the stack', async () => {
    const app = appWith({});
    // A route that fails the way a bug would; what is under test is the app's error handling.
    app.post('/explode', () => {
      throw new Error('database password is hunter2');
    });
    const response = await app.request('/explode', { method: 'POST' });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      error_type: 'PROXY_ERROR',
      error_code: 'INTERNAL_ERROR',
      status: 500,
    });
    expect(text).not.toContain('hunter2');
    expect(text).not.toMatch(/at .*\.ts/);
  });
});

describe('serving the browser app', () => {
  it('serves index.html at the root, never stored (its address may carry a token)', async () => {
    const response = await appWith({}).request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(await response.text()).toContain('<title>Link Token Inspector</title>');
  });

  it('serves index.html for any page path of the single-page app (deep links, ?link_token=)', async () => {
    const response = await appWith({}).request('/lookup/anything?link_token=x');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(await response.text()).toContain('<title>Link Token Inspector</title>');
  });

  it('serves hashed assets as immutable', async () => {
    const response = await appWith({}).request(FAKE_ASSET_PATH);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/javascript/);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers 404 for a missing file rather than index.html', async () => {
    const response = await appWith({}).request('/assets/index-old.js');
    expect(response.status).toBe(404);
  });

  it('says how to build the app when it has not been built', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await appWith({}, join(emptyDir, 'missing')).request('/');
    consoleError.mockRestore();
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });
});
