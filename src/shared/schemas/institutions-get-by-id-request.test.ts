import { describe, expect, it } from 'vitest';
import { InstitutionsGetByIdRequestSchema } from './institutions-get-by-id-request';

const parse = (body: unknown) => InstitutionsGetByIdRequestSchema.safeParse(body);
const base = { institution_id: 'ins_109508', environment: 'production' };

describe('InstitutionsGetByIdRequestSchema', () => {
  it('needs an institution id and the environment, and trims the id', () => {
    expect(InstitutionsGetByIdRequestSchema.parse({ ...base, institution_id: ' ins_56 ' })).toEqual({
      institution_id: 'ins_56',
      environment: 'production',
      country_codes: ['US'],
    });
    expect(parse({ environment: 'sandbox' }).success).toBe(false);
    expect(parse({ institution_id: 'ins_1' }).success).toBe(false);
    expect(parse({ ...base, environment: 'development' }).success).toBe(false);
  });

  it('refuses what is not an institution id, with a message that shows one', () => {
    for (const id of ['', 'Chase', 'ins_', 'ins_1 OR 1=1', `ins_${'9'.repeat(40)}`, 109508, undefined]) {
      const result = parse({ ...base, institution_id: id });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toContain('ins_109508');
    }
  });

  it('defaults country_codes to US when absent or empty', () => {
    expect(InstitutionsGetByIdRequestSchema.parse(base).country_codes).toEqual(['US']);
    expect(InstitutionsGetByIdRequestSchema.parse({ ...base, country_codes: [] }).country_codes).toEqual([
      'US',
    ]);
  });

  it('reads country_codes in one canonical form: upper case, sorted, without repeats', () => {
    const parsed = InstitutionsGetByIdRequestSchema.parse({
      ...base,
      country_codes: ['gb', 'US', ' ca', 'GB'],
    });
    expect(parsed.country_codes).toEqual(['CA', 'GB', 'US']);
  });

  it('accepts any two-letter code (Plaid adds countries) and refuses anything else', () => {
    expect(parse({ ...base, country_codes: ['XX'] }).success).toBe(true);
    for (const codes of [['USA'], ['U'], ['1A'], 'US', [42], Array(31).fill('US')]) {
      expect(parse({ ...base, country_codes: codes }).success).toBe(false);
    }
  });

  it('says what each field should be, whatever is wrong with it', () => {
    const message = (body: object) => parse({ ...base, ...body }).error?.issues[0]?.message;
    expect(message({ environment: 'Production' })).toBe('environment must be sandbox or production.');
    expect(message({ country_codes: 'US' })).toMatch(/^country_codes is a list of two-letter/);
    expect(message({ country_codes: ['US', 1] })).toMatch(/^country_codes is a list of two-letter/);
    expect(message({ client_id: 42, secret: 's' })).toBe('client_id must be a non-empty string.');
    expect(message({ client_id: 'c', secret: 'line\nbreak' })).toMatch(
      /^secret must contain printable ASCII/,
    );
  });

  it('takes credentials as a pair or not at all', () => {
    expect(parse({ ...base, client_id: 'c', secret: 's' }).success).toBe(true);
    expect(parse({ ...base, client_id: 'c' }).success).toBe(false);
    expect(parse({ ...base, secret: 's' }).success).toBe(false);
  });
});
