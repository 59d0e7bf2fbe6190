import { describe, expect, it } from 'vitest';
import { vendoredSpec } from '../spec/vendored-spec';
import { EXIT_STATUS_MEANINGS } from './exit-reasons';

describe('EXIT_STATUS_MEANINGS', () => {
  it('explains every exit status Plaid’s spec lists, and no other', () => {
    const statuses = Object.keys(
      vendoredSpec.components.schemas.LinkSessionExitMetadata.properties.status.properties,
    );
    expect(statuses.length).toBeGreaterThan(0);
    expect(Object.keys(EXIT_STATUS_MEANINGS).sort()).toEqual(statuses.sort());
  });
});
