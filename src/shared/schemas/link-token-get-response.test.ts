import { describe, expect, it } from 'vitest';
import { specExampleResponse } from '../spec/vendored-spec';
import { LinkTokenGetResponseSchema } from './link-token-get-response';

const example = structuredClone(specExampleResponse) as Record<string, unknown>;

describe('LinkTokenGetResponseSchema', () => {
  it("accepts the example answer in Plaid's spec", () => {
    expect(LinkTokenGetResponseSchema.safeParse(example).success).toBe(true);
  });

  it('keeps fields it does not know instead of stripping them', () => {
    const parsed = LinkTokenGetResponseSchema.parse({ ...example, brand_new_field: { nested: 1 } });
    expect(parsed.brand_new_field).toEqual({ nested: 1 });
  });

  it('accepts enum values Plaid has not published yet', () => {
    const metadata = {
      ...(example.metadata as object),
      initial_products: ['a_future_product'],
      country_codes: ['XX'],
    };
    expect(LinkTokenGetResponseSchema.safeParse({ ...example, metadata }).success).toBe(true);
  });

  it('accepts null wherever the spec allows it', () => {
    const metadata = {
      ...(example.metadata as object),
      webhook: null,
      language: null,
      redirect_uri: null,
      client_name: null,
    };
    const session = {
      link_session_id: 's',
      finished_at: null,
      on_success: null,
      on_exit: null,
      exit: { error: null, metadata: null },
      results: null,
    };
    const answer = { ...example, created_at: null, expiration: null, metadata, link_sessions: [session] };
    expect(LinkTokenGetResponseSchema.safeParse(answer).success).toBe(true);
  });

  it('rejects an answer without a required field', () => {
    const withoutRequestId = { ...example };
    delete withoutRequestId.request_id;
    expect(LinkTokenGetResponseSchema.safeParse(withoutRequestId).success).toBe(false);
  });

  it('rejects a field of the wrong type', () => {
    expect(LinkTokenGetResponseSchema.safeParse({ ...example, link_sessions: 'none' }).success).toBe(false);
    expect(LinkTokenGetResponseSchema.safeParse({ ...example, created_at: 'yesterday' }).success).toBe(false);
  });

  it('rejects null where the spec does not allow it', () => {
    expect(LinkTokenGetResponseSchema.safeParse({ ...example, link_token: null }).success).toBe(false);
  });
});
