import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaidErrorSchema } from '../shared/schemas/plaid-error';
import { createApp } from './app';
import { loadConfig } from './config';
import {
  SIMULATOR_CLIENT_ID,
  SIMULATOR_SECRET,
  listScenarioTokens,
  startSimulator,
  type RunningSimulator,
  simulatorAsPlaidEnv,
} from '../simulator';
import { FAKE_ASSET_PATH, fakeClientBuild, type FakeClientBuild } from './testing/fake-client-build';

// Whatever a client sends, the server answers: never a 5xx of its own making (the upstream here
// is a healthy simulator, so every 5xx would be ours), never a thrown exception, and on /api/*
// always a PlaidError-shaped JSON error that carries our request_id.

let simulator: RunningSimulator;
let app: ReturnType<typeof createApp>;
// A stand-in for the built browser app, so static serving is exercised whether or not
// `npm run build` has run.
let clientBuild: FakeClientBuild;

beforeAll(async () => {
  simulator = await startSimulator();
  clientBuild = fakeClientBuild();
  const config = loadConfig({
    ...simulatorAsPlaidEnv(simulator.url),
    LOG_LEVEL: 'silent',
    // One in-process "user" sends every request; the limit itself is tested elsewhere.
    RATE_LIMIT_PER_MINUTE: '100000000',
  });
  app = createApp({ ...config, clientDir: clientBuild.dir });
});

afterAll(async () => {
  await simulator.close();
  clientBuild.remove();
});

const ORIGIN = 'http://localhost';

// ---- What a client can send -------------------------------------------------------------------

const ENDPOINTS = [
  '/api/link/token/get',
  '/api/config',
  '/api/simulator/tokens',
  '/healthz',
  '/readyz',
  '/metrics',
  '/',
  '/index.html',
  FAKE_ASSET_PATH,
  '/batch',
];

// Header values as a client can put them on the wire: printable ASCII.
const headerValue = fc.string({ unit: 'grapheme-ascii', maxLength: 60 });

const path = fc.oneof(
  fc.constantFrom(...ENDPOINTS),
  fc.constantFrom(...ENDPOINTS).map((endpoint) => `${endpoint}/`),
  fc.constantFrom(...ENDPOINTS).map((endpoint) => endpoint.toUpperCase()),
  fc.constantFrom(
    '/api',
    '/api/',
    '//api/link/token/get',
    '/api/link/token/get?link_token=x',
    '/api/link/token/../token/get',
    '/api/%2e%2e/config',
    '/api/link%00/token/get',
    '/assets/../../../../etc/passwd',
    '/assets/%2e%2e/%2e%2e/package.json',
  ),
  fc.webPath().map((webPath) => (webPath.startsWith('/') ? webPath : `/${webPath}`)),
  fc.webPath().map((webPath) => `/api/${webPath.replace(/^\/+/, '')}`),
);

// Methods the Fetch API lets a client send (it refuses CONNECT, TRACE and TRACK itself).
const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND', 'FOO');

const contentType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=utf-16',
    'APPLICATION/JSON',
    'application/vnd.api+json',
    'text/plain',
    'text/json',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/octet-stream',
    '',
  ),
  headerValue,
);

// Healthy scenarios only: a fault token makes the simulator answer 5xx on purpose (the proxy
// rightly passes Plaid's 503 through), and this property is about 5xx of our own making.
const fixtureTokens = listScenarioTokens()
  .filter((token) => !token.scenario.startsWith('fault-'))
  .map((token) => token.link_token);
const linkToken = fc.oneof(
  fc.constantFrom(...fixtureTokens),
  fc.uuid().map((uuid) => `link-sandbox-${uuid}`),
  fc.uuid().map((uuid) => `link-production-${uuid}`),
  fc.uuid().map((uuid) => `link-development-${uuid}`),
  fc.uuid().map((uuid) => `access-sandbox-${uuid}`),
  fc.string(),
  fc.string({ unit: 'binary' }),
);

const lookupBody = fc.record(
  {
    link_token: fc.oneof(linkToken, fc.integer(), fc.constant(null), fc.array(fc.string()), fc.object()),
    client_id: fc.oneof(fc.string(), fc.constant(SIMULATOR_CLIENT_ID), fc.integer()),
    secret: fc.oneof(fc.string(), fc.constant(SIMULATOR_SECRET), fc.constant(null)),
    constructor: fc.string(),
    extra: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

type Body = { bytes: Uint8Array<ArrayBuffer> | string; encoding?: string };

const text = (value: string): Body => ({ bytes: value });
const body: fc.Arbitrary<Body | undefined> = fc.oneof(
  fc.constant(undefined),
  lookupBody.map((value) => text(JSON.stringify(value))),
  fc.json().map(text),
  fc.constant(text(`{"__proto__":{"polluted":true},"link_token":"${fixtureTokens[0]}"}`)),
  fc.string().map(text),
  fc.string({ unit: 'binary' }).map(text),
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ bytes: new Uint8Array(bytes) })),
  lookupBody.map((value) => ({ bytes: new Uint8Array(gzipSync(JSON.stringify(value))), encoding: 'gzip' })),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ bytes: new Uint8Array(bytes), encoding: 'gzip' })),
  fc
    .tuple(lookupBody, fc.constantFrom('deflate', 'br', 'identity', 'x-unknown', 'gzip, gzip'))
    .map(([value, encoding]) => ({
      bytes: JSON.stringify(value),
      encoding,
    })),
  fc.integer({ min: 1, max: 5000 }).map((depth) => text('['.repeat(depth) + ']'.repeat(depth))),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => text('{"a":'.repeat(depth))),
);

const headers = fc.record(
  {
    'content-type': contentType,
    origin: fc.oneof(
      fc.constant(ORIGIN),
      fc.constant('null'),
      fc.constant('https://evil.example'),
      headerValue,
    ),
    'sec-fetch-site': fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none', ''),
    accept: fc.constantFrom('application/json', 'text/html', '*/*', ''),
    'accept-encoding': fc.constantFrom('gzip', 'br', 'deflate', 'identity', '*', 'nonsense'),
    authorization: fc.oneof(fc.constant('Basic Og=='), fc.constant('Basic !!!'), headerValue),
    cookie: headerValue,
    'x-forwarded-for': headerValue,
    'x-request-id': headerValue,
    'plaid-client-id': headerValue,
    'content-length': fc.nat({ max: 10_000_000 }).map(String),
  },
  { requiredKeys: [] },
);

const request = fc.record({ method, path, headers, body });
type GeneratedRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Body | undefined;
};

function toRequest({ method, path, headers, body }: GeneratedRequest): Request {
  const sendsBody = body !== undefined && method !== 'GET' && method !== 'HEAD';
  const allHeaders: Record<string, string> = { ...headers };
  if (sendsBody && body.encoding) allHeaders['content-encoding'] = body.encoding;
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers: allHeaders,
    body: sendsBody ? body.bytes : undefined,
  });
}

// ---- What every answer must be ----------------------------------------------------------------

async function expectWellFormedAnswer(sent: GeneratedRequest): Promise<void> {
  const response = await app.request(toRequest(sent));
  const text = await response.text();
  const where = `${sent.method} ${sent.path} → ${response.status} ${text.slice(0, 300)}`;

  expect(response.status, where).toBeLessThan(500);
  const isApi = new URL(`${ORIGIN}${sent.path}`).pathname.startsWith('/api/');
  if (!isApi || sent.method === 'HEAD' || response.status < 400) return;

  expect(response.headers.get('content-type'), where).toMatch(/^application\/json/);
  const error = PlaidErrorSchema.safeParse(JSON.parse(text));
  expect(error.success, where).toBe(true);
  expect(error.data?.request_id, where).toEqual(expect.any(String));
  expect(error.data?.request_id, where).not.toBe('');
}

describe('bad input to every endpoint', () => {
  it('gets a well-formed answer, never a 5xx or a crash, whatever is sent', async () => {
    await fc.assert(fc.asyncProperty(request, expectWellFormedAnswer), { numRuns: 400 });
  }, 60_000);

  it('gets a well-formed answer to same-origin JSON lookups with arbitrary bodies', async () => {
    // Past the CSRF, media-type and size guards, so that the bodies reach validation and upstream.
    const lookup = fc.record({
      method: fc.constant('POST'),
      path: fc.constant('/api/link/token/get'),
      headers: headers.map((generated) => ({
        ...Object.fromEntries(Object.entries(generated).filter(([name]) => name !== 'content-length')),
        'content-type': 'application/json',
        origin: ORIGIN,
        'sec-fetch-site': 'same-origin',
      })),
      body: lookupBody.map((value) => text(JSON.stringify(value))),
    });
    await fc.assert(fc.asyncProperty(lookup, expectWellFormedAnswer), { numRuns: 300 });
  }, 60_000);

  it('refuses very large bodies with a well-formed error', async () => {
    const large = fc.record({
      method: fc.constant('POST'),
      path: fc.constant('/api/link/token/get'),
      headers: fc.constant({ 'content-type': 'application/json', origin: ORIGIN }),
      body: fc
        .integer({ min: 64 * 1024, max: 4 * 1024 * 1024 })
        .map((size) => text(JSON.stringify({ link_token: fixtureTokens[0], padding: 'x'.repeat(size) }))),
    });
    await fc.assert(fc.asyncProperty(large, expectWellFormedAnswer), { numRuns: 8 });
  }, 60_000);
});
