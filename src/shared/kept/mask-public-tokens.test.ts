import { describe, expect, it } from 'vitest';
import { maskPublicTokens } from './mask-public-tokens';

describe('maskPublicTokens', () => {
  it('masks every public_token, wherever it is, keeping its environment and last four characters', () => {
    const answer = {
      link_sessions: [
        {
          on_success: { public_token: 'public-sandbox-1f2e3d4c-aaaa-bbbb-cccc-0123456789ab', metadata: null },
          results: { item_add_results: [{ public_token: 'public-production-9999-abcd', accounts: [] }] },
        },
      ],
      request_id: 'req-1',
    };
    expect(maskPublicTokens(answer)).toEqual({
      link_sessions: [
        {
          on_success: { public_token: 'public-sandbox-…89ab', metadata: null },
          results: { item_add_results: [{ public_token: 'public-production-…abcd', accounts: [] }] },
        },
      ],
      request_id: 'req-1',
    });
    expect(JSON.stringify(maskPublicTokens(answer))).not.toContain('1f2e3d4c');
  });

  it('leaves everything else as it was', () => {
    const answer = { link_token: 'link-sandbox-x', metadata: { webhook: null }, list: [1, 'two'] };
    expect(maskPublicTokens(answer)).toEqual(answer);
  });
});
