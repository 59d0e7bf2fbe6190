import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankHealthDuringSession, sessionWindow } from '../../shared/diagnosis';
import { institutionHealth } from '../../shared/domain/institution-health';
import { checkLinkToken, type PlaidEnvironment } from '../../shared/link-token';
import { InstitutionsGetByIdResponseSchema } from '../../shared/schemas/institutions-get-by-id-response';
import { LinkTokenGetResponseSchema } from '../../shared/schemas/link-token-get-response';
import { SIMULATOR_CLIENT_ID, SIMULATOR_SECRET } from '../credentials';
import { parseFault } from '../faults';
import { SCENARIOS } from '../scenarios';
import { startSimulator, type RunningSimulator } from '../server';
import { lookUpToken, manualClock, PLAID_HEADERS, postInstitutionsGetById } from '../test-support';
import { NUMBAT_FEDERAL_SAVINGS } from './catalog';
import { COUNTRY_CODES } from './get-by-id';

// POST /institutions/get_by_id over HTTP, the way the proxy calls Plaid: what each environment
// lists, what the options add, the checks and errors, and that every institution the fixture
// tokens name has an answer that tells their story.

const NOW = new Date('2026-03-02T15:00:00Z');
let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ now: manualClock(NOW).now });
});
afterAll(() => simulator.close());

const ALL_OPTIONS = { include_status: true, include_optional_metadata: true };

function ask(
  environment: PlaidEnvironment,
  institutionId: string,
  options: object = ALL_OPTIONS,
  countryCodes: readonly string[] = ['US'],
) {
  return postInstitutionsGetById(simulator, environment, {
    institution_id: institutionId,
    country_codes: countryCodes,
    options,
  });
}

async function institution(
  environment: PlaidEnvironment,
  institutionId: string,
  options?: object,
  countryCodes?: readonly string[],
) {
  const reply = await ask(environment, institutionId, options, countryCodes);
  expect(reply.status, JSON.stringify(reply.json)).toBe(200);
  return InstitutionsGetByIdResponseSchema.parse(reply.json).institution;
}

describe('what each environment lists', () => {
  it('Sandbox: its test banks, with status null (Plaid reports none in Sandbox)', async () => {
    const tartan = await institution('sandbox', 'ins_109511');
    expect(tartan).toMatchObject({ institution_id: 'ins_109511', name: 'Tartan Bank', status: null });
    expect(institutionHealth(tartan, 'sandbox')).toEqual({ kind: 'sandbox' });
  });

  it('Production: real and fictional banks in every state of health', async () => {
    const health = async (id: string) => institutionHealth(await institution('production', id), 'production');
    expect(await health('ins_127991')).toMatchObject({ itemLogins: { level: 'healthy' }, incidents: [] });
    expect(await health('ins_135102')).toMatchObject({
      itemLogins: { level: 'degraded' },
      incidents: [{ title: 'Bilby Savings Bank: scheduled maintenance', end: expect.any(Date) }],
    });
    expect(await health('ins_135101')).toMatchObject({
      itemLogins: { level: 'down', since: new Date(NOW.getTime() - 30 * 60_000) },
      incidents: [{ end: null, latestUpdate: { status: 'IDENTIFIED' } }],
    });
    expect(await health('ins_135103')).toEqual({ kind: 'not-enough-traffic' });
  });

  it('answers INVALID_INSTITUTION for an id it does not list there, or not in those countries', async () => {
    const unlisted = [
      await ask('production', 'ins_109511'), // a Sandbox test bank
      await ask('sandbox', 'ins_135101'), // a Production-only bank
      await ask('production', NUMBAT_FEDERAL_SAVINGS.institution_id),
      await postInstitutionsGetById(simulator, 'production', {
        institution_id: 'ins_127991',
        country_codes: ['GB'],
      }),
    ];
    for (const reply of unlisted) {
      expect(reply.status).toBe(400);
      expect(reply.json).toMatchObject({
        error_type: 'INVALID_INPUT',
        error_code: 'INVALID_INSTITUTION',
        error_message: 'invalid institution_id provided',
        documentation_url: 'https://plaid.com/docs/errors/invalid-input/#invalid_institution',
      });
    }
  });
});

describe('options', () => {
  it('without options: neither status nor url, colour and logo', async () => {
    const bare = await institution('production', 'ins_127991', {});
    for (const field of ['status', 'url', 'primary_color', 'logo']) expect(bare).not.toHaveProperty(field);
  });

  it('include_optional_metadata: url, colour and a 152x152 PNG logo (or null where the bank has none)', async () => {
    const wellsFargo = await institution('production', 'ins_127991', { include_optional_metadata: true });
    expect(wellsFargo).toMatchObject({ url: 'https://www.wellsfargo.com', primary_color: '#d71e28' });
    const png = Buffer.from(wellsFargo.logo!, 'base64');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([152, 152]);
    expect(
      (await institution('production', 'ins_135102', { include_optional_metadata: true })).logo,
    ).toBeNull();
  });
});

describe('the request', () => {
  it('takes the credentials from the headers or the body, like /link/token/get', async () => {
    const body = {
      institution_id: 'ins_109508',
      country_codes: ['US'],
      client_id: SIMULATOR_CLIENT_ID,
      secret: SIMULATOR_SECRET,
    };
    const reply = await postInstitutionsGetById(simulator, 'sandbox', body, {
      'Content-Type': 'application/json',
    });
    expect(reply.status).toBe(200);
  });

  it('answers MISSING_FIELDS naming every missing field, credentials first', async () => {
    const reply = await postInstitutionsGetById(
      simulator,
      'sandbox',
      {},
      { 'Content-Type': 'application/json' },
    );
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({
      error_code: 'MISSING_FIELDS',
      error_message:
        'the following required fields are missing: client_id, secret, institution_id, country_codes',
    });
  });

  it('answers INVALID_API_KEYS for a wrong secret, before looking the institution up', async () => {
    const reply = await postInstitutionsGetById(
      simulator,
      'production',
      { institution_id: 'ins_999999', country_codes: ['US'] },
      { ...PLAID_HEADERS, 'PLAID-SECRET': 'wrong' },
    );
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ error_type: 'INVALID_INPUT', error_code: 'INVALID_API_KEYS' });
  });

  it.each([
    [
      { institution_id: 42, country_codes: ['US'] },
      'INVALID_FIELD',
      'institution_id must be a non-empty string',
    ],
    [{ institution_id: 'ins_56', country_codes: ['XX'] }, 'INVALID_FIELD', 'country_codes must be a list of'],
    [{ institution_id: 'ins_56', country_codes: [] }, 'INVALID_FIELD', 'country_codes must be a list of'],
    [
      { institution_id: 'ins_56', country_codes: ['US'], options: null },
      'INVALID_FIELD',
      'options must be an object',
    ],
    [
      { institution_id: 'ins_56', country_codes: ['US'], options: { include_status: 'yes' } },
      'INVALID_FIELD',
      'options.include_status must be a boolean',
    ],
    [
      { institution_id: 'ins_56', country_codes: ['US'], options: { include_everything: true } },
      'UNKNOWN_FIELDS',
      'options.include_everything',
    ],
    [{ institution_id: 'ins_56', country_codes: ['US'], link_token: 'x' }, 'UNKNOWN_FIELDS', 'link_token'],
  ])('refuses %j with %s', async (body, code, message) => {
    const reply = await postInstitutionsGetById(simulator, 'sandbox', body);
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ error_type: 'INVALID_REQUEST', error_code: code });
    expect((reply.json as { error_message: string }).error_message).toContain(message);
  });

  it('checks the Plaid-Version header', async () => {
    const reply = await postInstitutionsGetById(
      simulator,
      'sandbox',
      { institution_id: 'ins_56', country_codes: ['US'] },
      { ...PLAID_HEADERS, 'Plaid-Version': '2099-01-01' },
    );
    expect(reply.json).toMatchObject({ error_code: 'INVALID_HEADERS' });
  });

  it('suffers the configured fault like every other request', async () => {
    const faulty = await startSimulator({ fault: parseFault('503') });
    try {
      const reply = await postInstitutionsGetById(faulty, 'production', {
        institution_id: 'ins_56',
        country_codes: ['US'],
      });
      expect(reply.status).toBe(503);
      expect(reply.json).toMatchObject({ error_code: 'PLANNED_MAINTENANCE' });
    } finally {
      await faulty.close();
    }
  });
});

describe('the institutions the fixture tokens name', () => {
  const answering = SCENARIOS.filter((s) => !s.scenario.startsWith('fault-'));

  it.each(answering.map((s) => [s.scenario, s.link_token]))(
    '%s: each is listed in the token’s environment',
    async (_name, linkToken) => {
      const environment = (checkLinkToken(linkToken) as { environment: PlaidEnvironment }).environment;
      const answer = LinkTokenGetResponseSchema.parse((await lookUpToken(simulator, linkToken)).json);
      // Every institution_id anywhere in the answer: events, exits, results, callbacks.
      const ids = new Set(JSON.stringify(answer).match(/ins_\d+/g) ?? []);
      ids.delete(NUMBAT_FEDERAL_SAVINGS.institution_id);
      for (const id of ids) await institution(environment, id, ALL_OPTIONS, COUNTRY_CODES);
    },
  );

  it('filtered-institution: its Canadian bank is not listed for the token’s countries (US)', async () => {
    const token = SCENARIOS.find((s) => s.scenario === 'filtered-institution')!.link_token;
    const answer = LinkTokenGetResponseSchema.parse((await lookUpToken(simulator, token)).json);
    expect(answer.metadata.country_codes).toEqual(['US']);
    const reply = await ask('sandbox', 'ins_43', ALL_OPTIONS, answer.metadata.country_codes);
    expect(reply.json).toMatchObject({ error_code: 'INVALID_INSTITUTION' });
    expect((await institution('sandbox', 'ins_43', ALL_OPTIONS, ['CA'])).name).toBe(
      'Tartan-Dominion Bank of Canada',
    );
  });

  // Each bank-health token's failed session, read against its bank's answer, tells the story the
  // token's description promises.
  async function sessionHealth(scenario: string) {
    const token = SCENARIOS.find((s) => s.scenario === scenario)!.link_token;
    const answer = LinkTokenGetResponseSchema.parse((await lookUpToken(simulator, token)).json);
    const session = answer.link_sessions![0]!;
    const bank = session.exit!.metadata!.institution!.institution_id!;
    const health = institutionHealth(await institution('production', bank), 'production');
    return bankHealthDuringSession(health, sessionWindow(session)!, NOW);
  }

  it('bank-down: an incident overlaps the failed session, though the status turned down only after it', async () => {
    expect(await sessionHealth('bank-down')).toMatchObject({
      trouble: 'yes',
      levelThen: 'changed-since',
      itemLogins: { level: 'down' },
      overlappingIncidents: [{ title: 'Quokka Credit Union: logins and updates failing' }],
    });
  });

  it('bank-degraded: degraded since before the session; yesterday’s incident does not overlap', async () => {
    expect(await sessionHealth('bank-degraded')).toMatchObject({
      trouble: 'yes',
      levelThen: 'held',
      itemLogins: { level: 'degraded' },
      overlappingIncidents: [],
    });
  });

  it('bank-healthy: healthy since before the session, so no trouble at the bank', async () => {
    expect(await sessionHealth('bank-healthy')).toMatchObject({ trouble: 'no', levelThen: 'held' });
  });

  it('bank-no-status: not enough traffic to report', async () => {
    expect(await sessionHealth('bank-no-status')).toEqual({ kind: 'not-enough-traffic' });
  });

  it('bank-unlisted: the bank its session names is not listed any more', async () => {
    const token = SCENARIOS.find((s) => s.scenario === 'bank-unlisted')!.link_token;
    const answer = LinkTokenGetResponseSchema.parse((await lookUpToken(simulator, token)).json);
    const bank = answer.link_sessions![0]!.exit!.metadata!.institution!.institution_id!;
    expect((await ask('production', bank)).json).toMatchObject({ error_code: 'INVALID_INSTITUTION' });
  });
});
