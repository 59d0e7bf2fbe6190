import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specInstitutionExample, vendoredSpec } from '../../shared/spec/vendored-spec';
import { startSimulator, type RunningSimulator } from '../server';
import { describeErrors, specValidators } from '../spec-validator';
import { PLAID_HEADERS, postInstitutionsGetById } from '../test-support';
import { CATALOG } from './catalog';
import { COUNTRY_CODES } from './get-by-id';

// Every /institutions/get_by_id answer the simulator sends must be one Plaid's own OpenAPI spec
// (the vendored copy) allows: checked with Ajv on the spec's InstitutionsGetByIdResponse and
// PlaidError, independent of our zod schemas.

const strict = specValidators();

function expectValidInstitution(body: unknown): void {
  expect(strict.institution(body), describeErrors(strict.institution.errors)).toBe(true);
}

describe('the spec validator for institutions', () => {
  it('accepts the spec’s example and rejects a wrong type, a missing field or a bad enum value', () => {
    expectValidInstitution(specInstitutionExample);
    const broken = structuredClone(specInstitutionExample) as {
      institution: {
        oauth?: unknown;
        products: string[];
        status: { item_logins: { breakdown: { success: unknown } } };
      };
    };
    delete broken.institution.oauth;
    broken.institution.products = ['not_a_product'];
    broken.institution.status.item_logins.breakdown.success = 'most';
    expect(strict.institution(broken)).toBe(false);
    expect(strict.institution.errors?.map((e) => e.keyword).sort()).toEqual(['enum', 'required', 'type']);
  });
});

describe('the country codes the simulator accepts', () => {
  it('are the spec’s CountryCode enum', () => {
    expect(COUNTRY_CODES).toEqual(vendoredSpec.components.schemas.CountryCode.enum);
  });
});

describe('simulator institution answers conform to the Plaid OpenAPI spec', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator();
  });
  afterAll(() => simulator.close());

  const answers = CATALOG.flatMap((entry) =>
    entry.environments.map((environment) => [entry.institution.name, environment, entry] as const),
  );
  const OPTION_SETS = [
    {},
    { include_status: true, include_optional_metadata: true },
    {
      include_status: true,
      include_optional_metadata: true,
      include_auth_metadata: true,
      include_payment_initiation_metadata: true,
    },
  ];

  it.each(answers)('%s in %s, with each set of options', async (_name, environment, entry) => {
    for (const options of OPTION_SETS) {
      const reply = await postInstitutionsGetById(simulator, environment, {
        institution_id: entry.institution.institution_id,
        country_codes: entry.countryCodes,
        options,
      });
      expect(reply.status).toBe(200);
      expectValidInstitution(reply.json);
    }
  });

  it('every error the endpoint answers with', async () => {
    const replies = [
      await postInstitutionsGetById(simulator, 'production', {
        institution_id: 'ins_1',
        country_codes: ['US'],
      }),
      await postInstitutionsGetById(simulator, 'sandbox', {}, { 'Content-Type': 'application/json' }),
      await postInstitutionsGetById(
        simulator,
        'sandbox',
        { institution_id: 'ins_56', country_codes: ['US'] },
        { ...PLAID_HEADERS, 'PLAID-SECRET': 'wrong' },
      ),
      await postInstitutionsGetById(simulator, 'sandbox', {
        institution_id: 'ins_56',
        country_codes: ['ZZ'],
      }),
      await postInstitutionsGetById(simulator, 'sandbox', {
        institution_id: 'ins_56',
        country_codes: ['US'],
        x: 1,
      }),
      await postInstitutionsGetById(simulator, 'sandbox', '{not json'),
    ];
    for (const reply of replies) {
      expect(reply.status).toBe(400);
      expect(strict.error(reply.json), describeErrors(strict.error.errors)).toBe(true);
    }
  });
});
