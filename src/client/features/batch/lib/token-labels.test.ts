import { describe, expect, it } from 'vitest';
import { tokenLabels } from './token-labels';

describe('tokenLabels', () => {
  it('shortens random tokens to the environment, the first 8 and the last 4 of the UUID', () => {
    const labels = tokenLabels([
      'link-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b9f0e',
      'link-production-9f8e7d6c-5e6f-4a7b-8c9d-0e1f2a3b1234',
    ]);
    expect([...labels.values()]).toEqual(['link-sandbox-1a2b3c4d…9f0e', 'link-production-9f8e7d6c…1234']);
  });

  it('shows more of tokens that would look the same, and only of those', () => {
    const labels = tokenLabels([
      'link-sandbox-00000000-0000-4000-8000-000000000001',
      'link-sandbox-00000000-0000-4000-a000-000000000001',
      'link-sandbox-00000000-0000-4000-8000-000000000002',
      // Differ only in the UUID's second group: nothing short tells them apart.
      'link-sandbox-11111111-2222-4000-8000-000000000003',
      'link-sandbox-11111111-3333-4000-8000-000000000003',
    ]);
    expect([...labels.values()]).toEqual([
      'link-sandbox-00000000…8000-000000000001',
      'link-sandbox-00000000…a000-000000000001',
      'link-sandbox-00000000…0002',
      'link-sandbox-11111111-2222-4000-8000-000000000003',
      'link-sandbox-11111111-3333-4000-8000-000000000003',
    ]);
  });

  it('keeps anything else whole', () => {
    expect(tokenLabels(['link-sandbox-not-a-uuid']).get('link-sandbox-not-a-uuid')).toBe(
      'link-sandbox-not-a-uuid',
    );
  });
});
