import { describe, expect, it } from 'vitest';
import type { ServerInfo } from '../../../../shared/api-types';
import { linkOpening } from './link-opening';

const SANDBOX = 'link-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const PRODUCTION = 'link-production-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const SANDBOX_ONLY: ServerInfo = {
  mode: 'plaid',
  serverCredentials: ['sandbox'],
  allowRequestCredentials: true,
  rateLimitPerMinute: 120,
  publicUrl: null,
};

describe('linkOpening', () => {
  it('looks the token up when the server holds credentials for its environment', () => {
    expect(linkOpening(SANDBOX, SANDBOX_ONLY, false)).toEqual({ action: 'look-up' });
  });

  it('asks for credentials, saying why, when the server has none for the environment', () => {
    const opening = linkOpening(PRODUCTION, SANDBOX_ONLY, false);
    expect(opening).toEqual({ action: 'ask-for-credentials', reason: expect.stringContaining('Production') });
    expect(linkOpening(SANDBOX, { ...SANDBOX_ONLY, serverCredentials: [] }, false).action).toBe(
      'ask-for-credentials',
    );
  });

  it('looks up when the form already holds credentials', () => {
    expect(linkOpening(PRODUCTION, SANDBOX_ONLY, true)).toEqual({ action: 'look-up' });
  });

  it('lets the server explain when it accepts no credentials, or its configuration is unknown', () => {
    expect(linkOpening(PRODUCTION, { ...SANDBOX_ONLY, allowRequestCredentials: false }, false)).toEqual({
      action: 'look-up',
    });
    expect(linkOpening(PRODUCTION, null, false)).toEqual({ action: 'look-up' });
  });

  it('sends nothing for a link that holds no valid link token', () => {
    expect(linkOpening('public-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', SANDBOX_ONLY, false)).toEqual({
      action: 'show-token-error',
    });
  });
});
