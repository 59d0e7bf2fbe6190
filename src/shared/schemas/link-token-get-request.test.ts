import { describe, expect, it } from 'vitest';
import { LinkTokenGetRequestSchema } from './link-token-get-request';

describe('LinkTokenGetRequestSchema', () => {
  it('needs a link_token and trims it', () => {
    expect(LinkTokenGetRequestSchema.parse({ link_token: ' link-x ' })).toEqual({ link_token: 'link-x' });
    expect(LinkTokenGetRequestSchema.safeParse({}).success).toBe(false);
    expect(LinkTokenGetRequestSchema.safeParse({ link_token: '   ' }).success).toBe(false);
  });

  it('takes credentials as a pair or not at all', () => {
    expect(
      LinkTokenGetRequestSchema.safeParse({ link_token: 't', client_id: 'c', secret: 's' }).success,
    ).toBe(true);
    expect(LinkTokenGetRequestSchema.safeParse({ link_token: 't', client_id: 'c' }).success).toBe(false);
    expect(LinkTokenGetRequestSchema.safeParse({ link_token: 't', secret: 's' }).success).toBe(false);
  });
});
