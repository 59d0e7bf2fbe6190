import bcrypt from 'bcryptjs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS } from '../../shared/api-paths';
import {
  QaProfileExportSchema,
  QaProfileSchema,
  type QaProfile,
  type QaProfileInput,
} from '../../shared/checks/qa-profile';
import { QaProfileImportedSchema, QaProfileListSchema } from '../../shared/checks/qa-profile-api';
import type { ProxyError } from '../../shared/schemas/proxy-error';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { openStore, type Store } from '../store/store';
import { startBackend, type TestBackend } from '../store/test-backends';
import { captureLogs } from '../testing/log-capture';

// /api/qa-profiles in the whole app: a signed-in user keeps the team's profiles, exports and
// imports them; every body is checked by the contract's schema, and refusals name the bad field.

let backend: TestBackend;
let store: Store;
beforeAll(async () => {
  backend = await startBackend('pglite');
  store = await openStore({ location: backend.location, retentionDays: 30 }, pino({ level: 'silent' }));
}, 60_000);
afterAll(async () => {
  await store?.close();
  await backend?.done();
});

const ALICE = `Basic ${Buffer.from('alice:alice-password').toString('base64')}`;
const users = `alice:${bcrypt.hashSync('alice-password', 10)}`;

function appWith(withStore: Store | undefined) {
  const logs = captureLogs();
  const app = createApp(
    { ...loadConfig({ AUTH_USERS: users }), clientDir: 'src/server/testing' },
    { store: withStore, logger: pino(logs.destination) },
  );
  return Object.assign(app, { logs });
}
type TestApp = ReturnType<typeof appWith>;

const updateMode: QaProfileInput = {
  name: 'Update mode',
  expectations: { products: { initial_products: ['transactions'] }, lifetime_minutes: 30, webhook: null },
};

function send(
  app: TestApp,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return app.request(path, {
    method,
    headers: {
      Authorization: ALICE,
      'Sec-Fetch-Site': 'same-origin',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function errorOf(response: Response): Promise<ProxyError> {
  return (await response.json()) as ProxyError;
}

describe('QA profiles for a signed-in user', () => {
  let app: TestApp;
  beforeAll(() => {
    app = appWith(store);
  });
  afterAll(() => app.close());

  it('creates, reads, lists, updates and deletes a profile by its stable id, audited', async () => {
    const created = await send(app, 'POST', API_PATHS.qaProfiles, { ...updateMode, name: '  Update mode ' });
    expect(created.status).toBe(201);
    const profile: QaProfile = QaProfileSchema.parse(await created.json());
    expect(profile).toMatchObject({ ...updateMode, created_by: 'alice' });

    const read = await send(app, 'GET', `${API_PATHS.qaProfiles}/${profile.id}`);
    expect(QaProfileSchema.parse(await read.json())).toEqual(profile);
    const list = QaProfileListSchema.parse(await (await send(app, 'GET', API_PATHS.qaProfiles)).json());
    expect(list.profiles.map((p) => p.id)).toContain(profile.id);

    const edited = await send(app, 'PUT', `${API_PATHS.qaProfiles}/${profile.id}`, {
      name: 'Update mode, GB',
      expectations: { country_codes: ['gb'] },
    });
    expect(edited.status).toBe(200);
    expect(QaProfileSchema.parse(await edited.json())).toMatchObject({
      id: profile.id,
      name: 'Update mode, GB',
      expectations: { country_codes: ['GB'] },
    });

    const deleted = await send(app, 'DELETE', `${API_PATHS.qaProfiles}/${profile.id}`);
    expect(deleted.status).toBe(200);
    expect(QaProfileSchema.parse(await deleted.json()).id).toBe(profile.id);
    const gone = await send(app, 'GET', `${API_PATHS.qaProfiles}/${profile.id}`);
    expect(gone.status).toBe(404);
    expect((await errorOf(gone)).error_code).toBe('NOT_FOUND');
    expect((await send(app, 'DELETE', `${API_PATHS.qaProfiles}/${profile.id}`)).status).toBe(404);

    const audits = app.logs
      .lines()
      .filter((line) => line.qa_profile_id === profile.id)
      .map((line) => [line.audit, line.user]);
    expect(audits).toEqual([
      ['qa_profile.create', 'alice'],
      ['qa_profile.update', 'alice'],
      ['qa_profile.delete', 'alice'],
    ]);
  });

  it('refuses a profile with a bad field, naming the field', async () => {
    const response = await send(app, 'POST', API_PATHS.qaProfiles, {
      name: 'bad',
      expectations: { webhook: 'not a url', lifetime_minutes: 0 },
    });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.error_code).toBe('INVALID_BODY');
    expect(error.error_message).toContain('expectations.webhook');
    expect(error.error_message).toContain('expectations.lifetime_minutes');

    const notJson = await send(app, 'POST', API_PATHS.qaProfiles, '{not json');
    expect(notJson.status).toBe(400);
    expect((await errorOf(notJson)).error_message).toMatch(/not JSON/);

    const update = await send(app, 'PUT', `${API_PATHS.qaProfiles}/qap_missing`, updateMode);
    expect(update.status).toBe(404);
  });

  it('exports every profile as a file that imports back as new profiles', async () => {
    await send(app, 'POST', API_PATHS.qaProfiles, updateMode);
    await send(app, 'POST', API_PATHS.qaProfiles, {
      name: 'Canada',
      expectations: { country_codes: ['CA'] },
    });
    const exported = await send(app, 'GET', API_PATHS.qaProfilesExport);
    expect(exported.headers.get('Content-Disposition')).toContain('qa-profiles.json');
    const file = QaProfileExportSchema.parse(await exported.json());
    expect(file.profiles).toEqual(expect.arrayContaining([updateMode]));
    expect(JSON.stringify(file)).not.toContain('qap_');

    const imported = await send(app, 'POST', API_PATHS.qaProfilesImport, file);
    expect(imported.status).toBe(201);
    const { created } = QaProfileImportedSchema.parse(await imported.json());
    expect(created.map((p) => p.name)).toEqual(file.profiles.map((p) => p.name));

    const one = await send(app, 'POST', API_PATHS.qaProfilesImport, { name: 'single', expectations: {} });
    expect(QaProfileImportedSchema.parse(await one.json()).created).toHaveLength(1);
  });

  it('imports nothing from a file with a bad field, and says which', async () => {
    const before = QaProfileListSchema.parse(await (await send(app, 'GET', API_PATHS.qaProfiles)).json());
    const response = await send(app, 'POST', API_PATHS.qaProfilesImport, {
      kind: 'link-token-inspector/qa-profiles',
      version: 1,
      profiles: [updateMode, { name: 'broken', expectations: { outcome: { kind: 'exploded' } } }],
    });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.error_message).toContain('profiles.1.expectations.outcome');
    expect(error.error_message).toContain('Nothing was imported');
    const after = QaProfileListSchema.parse(await (await send(app, 'GET', API_PATHS.qaProfiles)).json());
    expect(after.profiles).toHaveLength(before.profiles.length);

    const wrongKind = await send(app, 'POST', API_PATHS.qaProfilesImport, { kind: 'history', version: 1 });
    expect((await errorOf(wrongKind)).error_message).toContain('kind');
  });

  it('takes an import file larger than the usual 16 KB body', async () => {
    const profiles = Array.from({ length: 60 }, (_, index) => ({
      name: `bulk ${index}`,
      description: 'x'.repeat(400),
      expectations: {},
    }));
    const body = { kind: 'link-token-inspector/qa-profiles', version: 1, profiles };
    expect(JSON.stringify(body).length).toBeGreaterThan(16 * 1024);
    const response = await send(app, 'POST', API_PATHS.qaProfilesImport, body);
    expect(response.status).toBe(201);
    // Only the import takes more: the same bytes sent as one profile are too large.
    const tooLargeProfile = await send(app, 'POST', API_PATHS.qaProfiles, body);
    expect(tooLargeProfile.status).toBe(413);
  });

  it('needs a signed-in user, and refuses changes from another site', async () => {
    const anonymous = await app.request(API_PATHS.qaProfiles);
    expect(anonymous.status).toBe(401);
    const crossSite = await send(app, 'DELETE', `${API_PATHS.qaProfiles}/qap_x`, undefined, {
      'Sec-Fetch-Site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
  });
});

describe('QA profiles without a store', () => {
  it('says the store is needed', async () => {
    const app = appWith(undefined);
    const response = await send(app, 'GET', API_PATHS.qaProfiles);
    expect(response.status).toBe(503);
    expect((await errorOf(response)).error_message).toContain('DATA_DIR or DATABASE_URL');
    await app.close();
  });
});
