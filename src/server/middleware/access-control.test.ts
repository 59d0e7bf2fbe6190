import { serve, type ServerType } from '@hono/node-server';
import bcrypt from 'bcryptjs';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { get as httpGet } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryCounters } from '../counters/counters';
import { bcryptOnWorkers } from '../auth/bcrypt-workers';
import { createPasswordVerifier } from '../auth/password-verifier';
import { accessControl, basicAuthentication, type AccessControl } from './access-control';
import type { SecurityVariables } from './context';
import { FAILED_SIGN_INS_PER_MINUTE } from './sign-in-throttle';
import { trustedProxyList } from './trusted-proxies';

function appWith(access: AccessControl, trustedProxies: string[] = []) {
  const app = new Hono<{ Variables: SecurityVariables }>();
  app.use(requestId());
  app.use(accessControl(access, trustedProxyList(trustedProxies), memoryCounters()));
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

  it('after too many wrong passwords from one address, refuses further attempts for a while', async () => {
    const throttled = appWith({
      kind: 'basic',
      users: new Map([['alice', bcrypt.hashSync('s3cret-pass', 4)]]),
    });
    for (let i = 0; i < FAILED_SIGN_INS_PER_MINUTE; i++) {
      expect((await throttled.request('/api/whoami', { headers: basic('alice', `guess-${i}`) })).status).toBe(
        401,
      );
    }
    // Even the right password waits now: the point is that guessing stops.
    const refused = await throttled.request('/api/whoami', { headers: basic('alice', 's3cret-pass') });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error_type: 'PROXY_ERROR', error_code: 'RATE_LIMITED' });
  });

  it('does not count requests without credentials or signed-in requests', async () => {
    const busy = appWith({ kind: 'basic', users: new Map([['alice', bcrypt.hashSync('s3cret-pass', 4)]]) });
    for (let i = 0; i < FAILED_SIGN_INS_PER_MINUTE + 5; i++) {
      expect((await busy.request('/whoami')).status).toBe(401);
    }
    const signedIn = await Promise.all(
      Array.from({ length: FAILED_SIGN_INS_PER_MINUTE + 5 }, () =>
        busy.request('/whoami', { headers: basic('alice', 's3cret-pass') }),
      ),
    );
    expect(signedIn.map((response) => response.status)).toEqual(signedIn.map(() => 200));
  });

  it('lets the user in under their own name', async () => {
    const response = await app.request('/whoami', { headers: basic('alice', 's3cret-pass') });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('alice');
  });
});

describe('access control: password checks under a burst', () => {
  // The app of basic auth, with /healthz ahead of it as in the real app, and a count of the bcrypt
  // checks its verifier runs (on the real worker threads).
  function countedApp(users: Map<string, string>) {
    const checks = { run: 0 };
    const verifier = createPasswordVerifier(users, async (password, hash) => {
      const verdict = await bcryptOnWorkers(password, hash);
      if (verdict !== 'busy') checks.run++;
      return verdict;
    });
    const app = new Hono<{ Variables: SecurityVariables }>();
    app.use(requestId());
    app.get('/healthz', (c) => c.text('ok'));
    app.use(basicAuthentication(verifier, trustedProxyList([]), memoryCounters()));
    app.get('/api/whoami', (c) => c.json({ user: c.get('user') }));
    return { app, checks };
  }

  // How long /healthz takes to answer, asked every 50 ms until `over` says stop. In-process, so
  // that what it measures is this process's event loop: a request waits for whatever holds it.
  async function probeHealthz(healthz: () => Promise<Response>, over: () => boolean): Promise<number[]> {
    const times: number[] = [];
    while (!over()) {
      const started = performance.now();
      expect((await healthz()).status).toBe(200);
      times.push(performance.now() - started);
      await sleep(50);
    }
    return times;
  }

  it(
    'checks at most the limit of 200 guesses sent at once, refuses the right one among them, and keeps answering',
    { timeout: 60_000 },
    async () => {
      // A real cost: the stall this guards against comes from bcrypt's time on the event loop.
      const { app, checks } = countedApp(new Map([['alice', bcrypt.hashSync('s3cret-pass', 10)]]));
      const guesses = Array.from({ length: 200 }, (_, i) => (i === 150 ? 's3cret-pass' : `guess-${i}`));
      let burstOver = false;
      const burst = Promise.all(
        guesses.map(async (password) => app.request('/api/whoami', { headers: basic('alice', password) })),
      ).finally(() => (burstOver = true));
      const healthTimes = await probeHealthz(
        async () => app.request('/healthz'),
        () => burstOver,
      );
      const responses = await burst;
      const statuses = responses.map((response) => response.status);

      expect(checks.run).toBeGreaterThan(0);
      expect(checks.run).toBeLessThanOrEqual(FAILED_SIGN_INS_PER_MINUTE);
      expect(statuses[150]).toBe(429);
      expect(statuses.filter((status) => status === 401)).toHaveLength(checks.run);
      expect(Math.max(...healthTimes)).toBeLessThan(1_000);
      // Those over the limit, and those beyond what the bcrypt workers take, say when to come back.
      for (const response of responses.filter(({ status }) => status !== 401)) {
        expect([429, 503]).toContain(response.status);
        expect(await response.json()).toMatchObject({
          error_type: 'PROXY_ERROR',
          error_code: response.status === 429 ? 'RATE_LIMITED' : 'SERVER_BUSY',
        });
        expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0);
      }
    },
  );

  it('lets a page load of many requests with a new password in for one check, costing no count', async () => {
    const { app, checks } = countedApp(new Map([['alice', bcrypt.hashSync('s3cret-pass', 4)]]));
    const signIn = () => app.request('/api/whoami', { headers: basic('alice', 's3cret-pass') });
    const pageLoad = await Promise.all(Array.from({ length: FAILED_SIGN_INS_PER_MINUTE + 5 }, signIn));
    expect(pageLoad.map((response) => response.status)).toEqual(pageLoad.map(() => 200));
    expect(checks.run).toBe(1);
    // Later requests are remembered, and the right password left nothing counted.
    expect((await signIn()).status).toBe(200);
    expect(checks.run).toBe(1);
    for (let i = 0; i < FAILED_SIGN_INS_PER_MINUTE; i++)
      expect((await app.request('/api/whoami', { headers: basic('alice', `guess-${i}`) })).status).toBe(401);
    expect((await signIn()).status).toBe(429);
  });

  it('answers checks beyond what the bcrypt workers take with 503 and Retry-After', async () => {
    const { app, checks } = countedApp(new Map([['alice', bcrypt.hashSync('s3cret-pass', 10)]]));
    // From different users, so that the throttle lets every one through to the workers.
    const responses = await Promise.all(
      Array.from({ length: FAILED_SIGN_INS_PER_MINUTE }, (_, i) =>
        app.request('/api/whoami', { headers: basic(`user-${i}`, 'guess') }),
      ),
    );
    const busy = responses.filter((response) => response.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(responses.filter((response) => response.status === 401)).toHaveLength(checks.run);
    expect(checks.run + busy.length).toBe(FAILED_SIGN_INS_PER_MINUTE);
    expect(busy[0]!.headers.get('Retry-After')).toBe('1');
    expect(await busy[0]!.json()).toMatchObject({
      error_code: 'SERVER_BUSY',
      error_message: 'The server is checking too many passwords at once. Try again in a second.',
    });
  });
});

describe('access control: identity header from a trusted SSO proxy', () => {
  // A real socket, so the peer address is the one Node sees (127.0.0.1), not one we make up.
  let server: ServerType | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function listen(
    trustedProxies: string[],
    access: AccessControl = { kind: 'trusted-header', header: 'X-Forwarded-User' },
  ): Promise<string> {
    const app = appWith(access, trustedProxies);
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

  it('trusts a proxy by the range it connects from (TRUSTED_PROXIES=127.0.0.0/8)', async () => {
    const url = await listen(['10.0.0.0/16', '127.0.0.0/8']);
    const response = await fetch(`${url}/whoami`, { headers: { 'X-Forwarded-User': 'carol@example.com' } });
    expect(await response.text()).toBe('carol@example.com');
  });

  it('refuses a request from a trusted proxy that names nobody', async () => {
    const url = await listen(['127.0.0.1']);
    const response = await fetch(`${url}/api/whoami`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error_code: 'UNAUTHORIZED' });
  });

  it('refuses a request that names more than one user (the header repeated)', async () => {
    const url = await listen(['127.0.0.1']);
    // fetch() would join the two into one header; node:http sends each on a line of its own.
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpGet(
        `${url}/api/whoami`,
        { headers: { 'X-Forwarded-User': ['alice', 'bob'] } },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on('error', reject);
    });
    expect(status).toBe(401);
    expect(JSON.parse(body)).toMatchObject({
      error_code: 'UNAUTHORIZED',
      error_message: expect.stringMatching(/more than one X-Forwarded-User header/),
    });
  });

  it('ignores the header on a connection from any other address', async () => {
    const url = await listen(['10.0.0.7', '10.0.0.0/8']);
    const api = await fetch(`${url}/api/whoami`, { headers: { 'X-Forwarded-User': 'carol@example.com' } });
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ error_type: 'PROXY_ERROR', error_code: 'UNAUTHORIZED' });
    const page = await fetch(`${url}/whoami`, { headers: { 'X-Forwarded-User': 'carol@example.com' } });
    expect(page.status).toBe(401);
    expect(await page.text()).toMatch(/company sign-in proxy/);
  });

  it('behind a trusted proxy, counts wrong passwords per browser address (X-Forwarded-For)', async () => {
    const users = new Map([['alice', bcrypt.hashSync('s3cret-pass', 4)]]);
    const url = await listen(['127.0.0.1'], { kind: 'basic', users });
    const from = (address: string, password: string, name = 'alice') =>
      fetch(`${url}/whoami`, {
        headers: { ...basic(name, password), 'X-Forwarded-For': `203.0.113.9, ${address}` },
      });
    // Guesses at another user name, which is counted too (see below).
    for (let i = 0; i < FAILED_SIGN_INS_PER_MINUTE; i++)
      expect((await from('198.51.100.1', 'guess', 'mallory')).status).toBe(401);
    expect((await from('198.51.100.1', 's3cret-pass')).status).toBe(429);
    // Another browser behind the same proxy is not locked out by the first one's guesses.
    expect((await from('198.51.100.2', 's3cret-pass')).status).toBe(200);
  });

  it('counts wrong passwords per IPv6 /64, as a client can use any address of its own /64', async () => {
    const users = new Map([['alice', bcrypt.hashSync('s3cret-pass', 4)]]);
    const url = await listen(['127.0.0.1'], { kind: 'basic', users });
    const from = (address: string, name: string, password: string) =>
      fetch(`${url}/whoami`, { headers: { ...basic(name, password), 'X-Forwarded-For': address } });
    // Each guess from a new address of one /64, each at another user name.
    for (let i = 0; i < FAILED_SIGN_INS_PER_MINUTE; i++)
      expect((await from(`2001:db8:1:2::${i + 1}`, `guess-${i}`, 'guess')).status).toBe(401);
    expect((await from('2001:db8:1:2:ffff::1', 'alice', 's3cret-pass')).status).toBe(429);
    // The next /64 is someone else.
    expect((await from('2001:db8:1:3::1', 'alice', 's3cret-pass')).status).toBe(200);
  });

  it('counts a client once however the proxy writes its address in X-Forwarded-For', async () => {
    const users = new Map([['alice', bcrypt.hashSync('s3cret-pass', 4)]]);
    const url = await listen(['127.0.0.1'], { kind: 'basic', users });
    const from = (address: string, name: string, password: string) =>
      fetch(`${url}/whoami`, { headers: { ...basic(name, password), 'X-Forwarded-For': address } });
    const spellings = [
      '198.51.100.7:4711',
      '[::ffff:198.51.100.7]',
      '[::FFFF:198.51.100.7]:443',
      '::FFFF:198.51.100.7',
      '::ffff:c633:6407',
      '[2001:db8:1:2::1]:443',
      '[2001:DB8:1:2::2]',
    ];
    // Each guess at another user name, so that only the address adds up.
    for (const [i, address] of spellings.slice(0, 5).entries())
      expect((await from(address, `guess-${i}`, 'guess')).status, address).toBe(401);
    for (let i = 5; i < FAILED_SIGN_INS_PER_MINUTE; i++)
      expect((await from('198.51.100.7', `guess-${i}`, 'guess')).status).toBe(401);
    expect((await from('198.51.100.7:1', 'alice', 's3cret-pass')).status).toBe(429);
    // The IPv6 spellings name one /64, counted apart from the IPv4 client.
    for (let i = 0; i < FAILED_SIGN_INS_PER_MINUTE; i++)
      expect((await from(spellings[5 + (i % 2)]!, `other-${i}`, 'guess')).status).toBe(401);
    expect((await from('2001:db8:1:2::3', 'alice', 's3cret-pass')).status).toBe(429);
  });

  it('counts requests whose X-Forwarded-For entry is no address against the proxy itself', async () => {
    const users = new Map([['alice', bcrypt.hashSync('s3cret-pass', 4)]]);
    const url = await listen(['127.0.0.1'], { kind: 'basic', users });
    const from = (address: string, name: string, password: string) =>
      fetch(`${url}/whoami`, { headers: { ...basic(name, password), 'X-Forwarded-For': address } });
    for (let i = 0; i < FAILED_SIGN_INS_PER_MINUTE; i++)
      expect((await from(`unknown-${i}`, `guess-${i}`, 'guess')).status).toBe(401);
    expect((await from('not an address', 'alice', 's3cret-pass')).status).toBe(429);
    // Under the proxy's own address, 127.0.0.1.
    const direct = await fetch(`${url}/whoami`, { headers: basic('alice', 's3cret-pass') });
    expect(direct.status).toBe(429);
    expect((await from('198.51.100.8', 'alice', 's3cret-pass')).status).toBe(200);
  });

  it('counts wrong passwords per user name as well, from however many addresses', async () => {
    const users = new Map([
      ['alice', bcrypt.hashSync('s3cret-pass', 4)],
      ['bob', bcrypt.hashSync('bobs-pass', 4)],
    ]);
    const url = await listen(['127.0.0.1'], { kind: 'basic', users });
    const from = (address: string, name: string, password: string) =>
      fetch(`${url}/api/whoami`, { headers: { ...basic(name, password), 'X-Forwarded-For': address } });
    for (let i = 0; i < FAILED_SIGN_INS_PER_MINUTE; i++)
      expect((await from(`198.51.100.${i + 1}`, 'alice', 'guess')).status).toBe(401);
    const refused = await from('198.51.100.200', 'alice', 's3cret-pass');
    expect(refused.status).toBe(429);
    expect((await refused.json()).error_message).toMatch(
      /^Too many wrong passwords for this user name or from this address/,
    );
    // Other people sign in as before.
    expect((await from('198.51.100.201', 'bob', 'bobs-pass')).status).toBe(200);
  });

  it('refuses in-process requests, which have no peer address at all', async () => {
    const app = appWith({ kind: 'trusted-header', header: 'X-Forwarded-User' }, ['127.0.0.1']);
    const response = await app.request('/whoami', { headers: { 'X-Forwarded-User': 'carol' } });
    expect(response.status).toBe(401);
  });
});
