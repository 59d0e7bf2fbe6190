import { describe, expect, it } from 'vitest';
import { specInstitutionExample } from '../spec/vendored-spec';
import { InstitutionsGetByIdResponseSchema } from './institutions-get-by-id-response';

type Answer = { institution: Record<string, unknown>; request_id?: string };
const example = () => structuredClone(specInstitutionExample) as Answer;
const status = (answer: Answer) => answer.institution.status as Record<string, unknown>;

describe('InstitutionsGetByIdResponseSchema', () => {
  it("accepts the example answer in Plaid's spec", () => {
    expect(InstitutionsGetByIdResponseSchema.safeParse(example()).success).toBe(true);
  });

  it('keeps fields it does not know, a product status Plaid adds later included', () => {
    const answer = example();
    const balance = {
      status: 'HEALTHY',
      last_status_change: '2026-01-02T03:04:05Z',
      breakdown: { success: 1, error_plaid: 0, error_institution: 0 },
    };
    answer.institution.status = { ...status(answer), balance };
    answer.institution.brand_new_field = { nested: 1 };
    const parsed = InstitutionsGetByIdResponseSchema.parse(answer);
    expect(parsed.institution.brand_new_field).toEqual({ nested: 1 });
    expect(parsed.institution.status?.balance).toEqual(balance);
  });

  it('accepts enum values Plaid has not published yet', () => {
    const answer = example();
    answer.institution.products = ['a_future_product'];
    answer.institution.country_codes = ['XX'];
    const itemLogins = status(answer).item_logins as Record<string, unknown>;
    itemLogins.status = 'FLAKY';
    itemLogins.breakdown = {
      success: 0.5,
      error_plaid: 0.25,
      error_institution: 0.25,
      refresh_interval: 'PAUSED',
    };
    status(answer).health_incidents = [
      {
        start_date: '2026-01-02T03:04:05Z',
        end_date: null,
        title: 'Logins failing',
        incident_updates: [
          { description: 'Looking', status: 'MONITORING', updated_date: '2026-01-02T03:10:00Z' },
        ],
      },
    ];
    expect(InstitutionsGetByIdResponseSchema.safeParse(answer).success).toBe(true);
  });

  it('accepts null wherever the spec allows it: a status, a product status, incidents, optional metadata', () => {
    const noStatus = example();
    noStatus.institution.status = null;
    expect(InstitutionsGetByIdResponseSchema.safeParse(noStatus).success).toBe(true);

    const partial = example();
    Object.assign(status(partial), { item_logins: null, health_incidents: null });
    Object.assign(partial.institution, {
      url: null,
      primary_color: null,
      logo: null,
      auth_metadata: null,
      payment_initiation_metadata: null,
    });
    expect(InstitutionsGetByIdResponseSchema.safeParse(partial).success).toBe(true);
  });

  it('accepts a product status without the deprecated status word', () => {
    const answer = example();
    delete (status(answer).item_logins as Record<string, unknown>).status;
    expect(InstitutionsGetByIdResponseSchema.safeParse(answer).success).toBe(true);
  });

  it('rejects an answer without a required field', () => {
    const withoutOauth = example();
    delete withoutOauth.institution.oauth;
    expect(InstitutionsGetByIdResponseSchema.safeParse(withoutOauth).success).toBe(false);
    const withoutRequestId = example();
    delete withoutRequestId.request_id;
    expect(InstitutionsGetByIdResponseSchema.safeParse(withoutRequestId).success).toBe(false);
    const withoutBreakdown = example();
    delete (status(withoutBreakdown).item_logins as Record<string, unknown>).breakdown;
    expect(InstitutionsGetByIdResponseSchema.safeParse(withoutBreakdown).success).toBe(false);
  });

  it('rejects a field of the wrong type, and null where the spec does not allow it', () => {
    const wrongRate = example();
    (status(wrongRate).item_logins as { breakdown: { success: unknown } }).breakdown.success = '90%';
    expect(InstitutionsGetByIdResponseSchema.safeParse(wrongRate).success).toBe(false);
    const badDate = example();
    (status(badDate).item_logins as Record<string, unknown>).last_status_change = 'yesterday';
    expect(InstitutionsGetByIdResponseSchema.safeParse(badDate).success).toBe(false);
    const nullName = example();
    nullName.institution.name = null;
    expect(InstitutionsGetByIdResponseSchema.safeParse(nullName).success).toBe(false);
  });
});
