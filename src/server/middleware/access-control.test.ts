import { serve, type ServerType } from '@hono/node-server';
import bcrypt from 'bcryptjs';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { accessControl, type AccessControl } from './access-control';
import type { SecurityVariables } from './context';

function appWith(access: AccessControl, trustedProxies: string[] = []) {
  const app = new Hono<{ Variables: SecurityVariables }>();
  app.use(requestId());
  app.use(accessControl(access, trustedProxies));
  app.get('/whoami', (c) => c.text(c.get('user')));
  app.get('/api/whoami', (c) => c.json({ user: c.get('user') }));
  return app;
}

function basic(name: string, password: string): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}` };
}

describe('access control: none (loopback only)', () => {
  it('lets requests in as the user "local"', async () => {
    const response = await appWith({ kind: 'none' }).request('/whoami');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('local');
  });
});

describe('access control: users with bcrypt hashes (basic auth)', () => {
  const app = appWith({ kind: 'basic', users: new Map([['alice', bcrypt.hashSync('s3cret-pass', 4)]]) });

  it('asks the browser to show its sign-in prompt when no credentials are sent', async () => {
    const response = await app.request('/whoami');
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toMatch(/^Basic realm="Link Token Inspector"/);
    // A page gets a sentence a person can read, should they cancel the prompt.
    expect(await response.text()).toMatch(/^Sign in with your Link Token Inspector user name and password/);
  });

  it('answers API calls without credentials with our JSON error', async () => {
    const response = await app.request('/api/whoami');
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toMatch(/^Basic /);
    const body = await response.json();
    expect(body).toMatchObject({ error_type: 'PROXY_ERROR', error_code: 'UNAUTHORIZED', status: 401 });
    expect(body.request_id).toBe(response.headers.get('X-Request-Id'));
  });

  it('refuses a wrong password and an unknown user', async () => {
    expect((await app.request('/whoami', { headers: basic('alice', 'guess') })).status).toBe(401);
    expect((await app.request('/whoami', { headers: basic('mallory', 's3cret-pass') })).status).toBe(401);
  });

  it('lets the user in under their own name', async () => {
    const response = await app.request('/whoami', { headers: basic('alice', 's3cret-pass') });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('alice');
  });
});

describe('access control: identity header from a trusted SSO proxy', () => {
  // A real socket, so the peer address is the one Node sees (127.0.0.1), not one we make up.
  let server: ServerType | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function listen(trustedProxies: string[]): Promise<string> {
    const app = appWith({ kind: 'trusted-header', header: 'X-Forwarded-User' }, trustedProxies);
    return new Promise((resolve) => {
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
        resolve(`http://127.0.0.1:${info.port}`),
      );
    });
  }

  it('takes the user from the header when the connection comes from a trusted proxy', async () => {
    const url = await listen(['127.0.0.1']);
    const response = await fetch(`${url}/whoami`, { headers: { 'X-Forwarded-User': 'carol@example.com' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('carol@example.com');
  });

  it('refuses a request from a trusted proxy that names nobody', async () => {
    const url = await listen(['127.0.0.1']);
    const response = await fetch(`${url}/api/whoami`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error_code: 'UNAUTHORIZED' });
  });

  it('ignores the header on a connection from any other address', async () => {
    const url = await listen(['10.0.0.7']);
    const api = await fetch(`${url}/api/whoami`, { headers: { 'X-Forwarded-User': 'carol@example.com' } });
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ error_type: 'PROXY_ERROR', error_code: 'UNAUTHORIZED' });
    const page = await fetch(`${url}/whoami`, { headers: { 'X-Forwarded-User': 'carol@example.com' } });
    expect(page.status).toBe(401);
    expect(await page.text()).toMatch(/company sign-in proxy/);
  });

  it('refuses in-process requests, which have no peer address at all', async () => {
    const app = appWith({ kind: 'trusted-header', header: 'X-Forwarded-User' }, ['127.0.0.1']);
    const response = await app.request('/whoami', { headers: { 'X-Forwarded-User': 'carol' } });
    expect(response.status).toBe(401);
  });
});
