import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { fakeClientBuild } from '../testing/fake-client-build';
import { json, startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream';

// DNS rebinding: a web page whose name an attacker re-points to 127.0.0.1 reaches this server from
// the victim's browser as a same-origin page of its own name. Its requests carry that name in Host
// (and Origin), which is how the server tells them apart.

const TOKEN = 'link-sandbox-af1a0311-da53-4636-b754-dd15cc058176';
const clientBuild = fakeClientBuild();

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(async () => {
  await upstream.close();
  clientBuild.remove();
});
beforeEach(() => {
  upstream.requests.length = 0;
  upstream.answerWith(json(200, { link_token: TOKEN, request_id: 'plaid-req-1' }));
});

// The default set-up the attack aims at: loopback, no sign-in, the server's own Plaid credentials.
function appWith(env: Record<string, string> = {}) {
  const config = loadConfig({
    PLAID_UPSTREAM: 'plaid',
    LOG_LEVEL: 'silent',
    PLAID_CLIENT_ID: 'server-client-id',
    PLAID_SECRET_SANDBOX: 'server-sandbox-secret',
    PLAID_SANDBOX_URL: upstream.url,
    PLAID_PRODUCTION_URL: upstream.url,
    ...env,
  });
  return createApp({ ...config, clientDir: clientBuild.dir });
}

function lookupAt(app: ReturnType<typeof appWith>, host: string, origin = `http://${host}`) {
  return app.request(`http://${host}/api/link/token/get`, {
    method: 'POST',
    headers: { Host: host, Origin: origin, 'Content-Type': 'application/json' },
    body: JSON.stringify({ link_token: TOKEN }),
  });
}

describe('the Host header', () => {
  it('refuses a lookup sent to a rebound name, though its Origin matches, before Plaid is asked', async () => {
    const response = await lookupAt(appWith(), 'evil.example:3000');
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      error_type: 'PROXY_ERROR',
      error_code: 'FORBIDDEN_HOST',
      request_id: response.headers.get('X-Request-Id'),
    });
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses the pages under a rebound name too, with a sentence', async () => {
    const response = await appWith().request('http://evil.example/', { headers: { Host: 'evil.example' } });
    expect(response.status).toBe(403);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/does not answer to the name "evil\.example"/);
  });

  it('accepts the loopback names on any port', async () => {
    const app = appWith();
    for (const host of ['localhost:3000', '127.0.0.1:8080', '[::1]:3000', 'localhost', 'LOCALHOST.:3000']) {
      expect((await lookupAt(app, host)).status, host).toBe(200);
    }
  });

  it('accepts the names in ALLOWED_HOSTS, and compares Origin with them rather than with Host', async () => {
    const app = appWith({ ALLOWED_HOSTS: 'inspector.example.com, inspector' });
    expect((await lookupAt(app, 'inspector.example.com')).status).toBe(200);
    expect((await lookupAt(app, 'Inspector:3000')).status).toBe(200);
    // A reverse proxy may rewrite Host; the browser's Origin still has to be one of ours.
    expect((await lookupAt(app, 'inspector:3000', 'https://inspector.example.com')).status).toBe(200);
    const foreign = await lookupAt(app, 'inspector:3000', 'https://evil.example');
    expect(await foreign.json()).toMatchObject({ error_code: 'FORBIDDEN_ORIGIN' });
    expect((await lookupAt(app, 'other.example.com')).status).toBe(403);
  });

  it('does not concern the probes, which orchestrators send to a pod address', async () => {
    const app = appWith();
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      const response = await app.request(`http://10.1.2.3:3000${path}`, {
        headers: { Host: '10.1.2.3:3000' },
      });
      expect(response.status, path).toBe(200);
    }
  });

  it('is checked on a network set-up with sign-in as well', async () => {
    const app = appWith({
      HOST: '0.0.0.0',
      ALLOWED_HOSTS: 'inspector.example.com',
      AUTH_USERS: `alice:${bcrypt.hashSync('alice-password', 10)}`,
    });
    const alice = `Basic ${Buffer.from('alice:alice-password').toString('base64')}`;
    const at = (host: string) =>
      app.request(`http://${host}/`, { headers: { Host: host, Authorization: alice } });
    expect((await at('inspector.example.com')).status).toBe(200);
    expect((await at('10.0.0.8:3000')).status).toBe(403);
  });
});

describe('ALLOWED_HOSTS', () => {
  const withAccessControl = { AUTH_TRUSTED_HEADER: 'X-Forwarded-User', TRUSTED_PROXIES: '10.0.0.5' };

  it('is required when HOST is not loopback', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0', ...withAccessControl })).toThrow(
      /ALLOWED_HOSTS must list the names this server is reached by/,
    );
    expect(
      loadConfig({ HOST: '0.0.0.0', ALLOWED_HOSTS: 'inspector.example.com', ...withAccessControl }).security
        .allowedHosts,
    ).toEqual(new Set(['inspector.example.com']));
  });

  it.each([
    'https://inspector.example.com',
    'inspector.example.com:443',
    '*.example.com',
    'inspector/x',
    '::1',
  ])('refuses the entry %s, saying what an entry is', (entry) => {
    expect(() => loadConfig({ ALLOWED_HOSTS: entry })).toThrow(
      /ALLOWED_HOSTS must list host names .*separated by commas/,
    );
  });

  it('takes IP addresses, IPv6 ones in brackets', () => {
    expect(loadConfig({ ALLOWED_HOSTS: '10.0.0.8, [fd00::1]' }).security.allowedHosts).toEqual(
      new Set(['10.0.0.8', '[fd00::1]']),
    );
  });
});
