import bcrypt from 'bcryptjs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS } from '../../shared/api-paths';
import { CheckReportSchema } from '../../shared/checks/check-report';
import type { QaProfile } from '../../shared/checks/qa-profile';
import type { ApiKeyScope } from '../../shared/schemas/api-keys';
import type { ProxyError } from '../../shared/schemas/proxy-error';
import { SCENARIOS, simulatorAsPlaidEnv, startSimulator, type RunningSimulator } from '../../simulator';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { openStore, type Store } from '../store/store';
import { startBackend, type TestBackend } from '../store/test-backends';
import { captureLogs } from '../testing/log-capture';

// POST /api/checks in the whole app, asking the simulator over real HTTP as it asks Plaid: a QA
// suite sends a token and a profile id with its API key and reads pass or fail per expectation.

const token = (scenario: string) => SCENARIOS.find((s) => s.scenario === scenario)!.link_token;
const ALICE = `Basic ${Buffer.from('alice:alice-password').toString('base64')}`;

let backend: TestBackend;
let store: Store;
let simulator: RunningSimulator;
let app: ReturnType<typeof createApp> & { logs: ReturnType<typeof captureLogs> };
let linkedProfile: QaProfile;

beforeAll(async () => {
  backend = await startBackend('pglite');
  store = await openStore({ location: backend.location, retentionDays: 30 }, pino({ level: 'silent' }));
  simulator = await startSimulator({});
  const logs = captureLogs();
  const config = loadConfig({
    ...simulatorAsPlaidEnv(simulator.url),
    AUTH_USERS: `alice:${bcrypt.hashSync('alice-password', 10)}`,
    RATE_LIMIT_PER_MINUTE: '10000',
  });
  app = Object.assign(
    createApp({ ...config, clientDir: 'src/server/testing' }, { store, logger: pino(logs.destination) }),
    { logs },
  );
  linkedProfile = await store.qaProfiles.create(
    {
      name: 'Links a bank',
      expectations: {
        country_codes: ['US'],
        products: { initial_products: ['transactions'] },
        outcome: { kind: 'linked' },
      },
    },
    'alice',
  );
}, 60_000);
afterAll(async () => {
  await app?.close();
  await simulator?.close();
  await store?.close();
  await backend?.done();
});

async function keyWith(scopes: ApiKeyScope[]) {
  return (await store.apiKeys.create({ name: 'qa suite', scopes, createdBy: 'alice' })).key;
}

function check(body: unknown, authorization: string) {
  return app.request(API_PATHS.checks, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: authorization },
    body: JSON.stringify(body),
  });
}

describe('POST /api/checks', () => {
  it('answers the check report for a key scoped checks:run: pass for a linked token, fail for a failed one', async () => {
    const key = await keyWith(['checks:run']);
    const passed = await check(
      { link_token: token('success'), profile_id: linkedProfile.id },
      `Bearer ${key}`,
    );
    expect(passed.status).toBe(200);
    const report = CheckReportSchema.parse(await passed.json());
    expect(report).toMatchObject({
      profile: { id: linkedProfile.id, name: 'Links a bank' },
      link_token: token('success'),
      status: 'pass',
    });
    expect(report.rows.map((row) => [row.expectation, row.status])).toEqual([
      ['products.initial_products', 'pass'],
      ['country_codes', 'pass'],
      ['outcome', 'pass'],
    ]);

    const failed = await check(
      { link_token: token('exit-item-login-required'), profile_id: linkedProfile.id },
      `Bearer ${key}`,
    );
    expect(failed.status).toBe(200);
    const failedReport = CheckReportSchema.parse(await failed.json());
    expect(failedReport.status).toBe('fail');
    expect(failedReport.rows.find((row) => row.expectation === 'outcome')).toMatchObject({
      status: 'fail',
      expected: expect.stringMatching(/linked/),
    });

    const audits = app.logs.lines().filter((line) => line.audit === 'checks.run');
    expect(audits.map((line) => [line.user, line.status])).toEqual([
      ['api-key:qa suite', 'pass'],
      ['api-key:qa suite', 'fail'],
    ]);
    expect(app.logs.text()).not.toContain(key);
  });

  it('takes a signed-in user too', async () => {
    const response = await check({ link_token: token('success'), profile_id: linkedProfile.id }, ALICE);
    expect(response.status).toBe(200);
    expect(CheckReportSchema.parse(await response.json()).status).toBe('pass');
  });

  it('refuses a key without checks:run, and a call with neither key nor user', async () => {
    const recorder = await keyWith(['recordings:write']);
    const refused = await check(
      { link_token: token('success'), profile_id: linkedProfile.id },
      `Bearer ${recorder}`,
    );
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ProxyError).error_code).toBe('MISSING_SCOPE');
    const anonymous = await app.request(API_PATHS.checks, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ link_token: token('success'), profile_id: linkedProfile.id }),
    });
    expect(anonymous.status).toBe(401);
  });

  it('answers 404 for an unknown profile, and the lookup’s errors as the lookup answers them', async () => {
    const key = await keyWith(['checks:run']);
    const unknown = await check({ link_token: token('success'), profile_id: 'qap_nope' }, `Bearer ${key}`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()) as ProxyError).toMatchObject({
      error_code: 'NOT_FOUND',
      error_message: expect.stringContaining('qap_nope'),
    });

    const plaidDown = await check(
      { link_token: token('fault-500'), profile_id: linkedProfile.id },
      `Bearer ${key}`,
    );
    expect(plaidDown.status).toBe(500);
    expect(await plaidDown.json()).toMatchObject({
      error_type: 'API_ERROR',
      error_code: 'INTERNAL_SERVER_ERROR',
    });

    const malformed = await check(
      { link_token: 'link-nonsense', profile_id: linkedProfile.id },
      `Bearer ${key}`,
    );
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ProxyError).error_code).toBe('MALFORMED_LINK_TOKEN');

    const noBody = await check({ link_token: token('success') }, `Bearer ${key}`);
    expect(noBody.status).toBe(400);
    expect(((await noBody.json()) as ProxyError).error_message).toContain('profile_id');
  });
});
