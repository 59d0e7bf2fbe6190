import { describe, expect, it } from 'vitest';
import { checkLinkToken, environmentLabel, tokenEnvironment } from './link-token';

const uuid = '7f6d5a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5a';

describe('checkLinkToken', () => {
  it('accepts sandbox and production link tokens and names the environment', () => {
    expect(checkLinkToken(`link-sandbox-${uuid}`)).toEqual({
      ok: true,
      token: `link-sandbox-${uuid}`,
      environment: 'sandbox',
    });
    expect(checkLinkToken(`  link-production-${uuid}\n`)).toMatchObject({
      ok: true,
      environment: 'production',
    });
  });

  it('says Plaid retired the Development environment', () => {
    expect(checkLinkToken(`link-development-${uuid}`)).toMatchObject({
      ok: false,
      code: 'ENVIRONMENT_RETIRED',
    });
  });

  it('names a public_token pasted by mistake', () => {
    const result = checkLinkToken(`public-sandbox-${uuid}`);
    expect(result).toMatchObject({ ok: false, code: 'WRONG_TOKEN_TYPE' });
    expect(!result.ok && result.message).toMatch(/public_token/);
  });

  it('warns about an access_token without echoing it', () => {
    const token = `access-production-${uuid}`;
    const result = checkLinkToken(token);
    expect(result).toMatchObject({ ok: false, code: 'WRONG_TOKEN_TYPE' });
    expect(!result.ok && result.message).toMatch(/access_token/);
    expect(JSON.stringify(result)).not.toContain(uuid);
  });

  it('recognises a link_session_id and an item_id', () => {
    expect(!checkLinkToken(uuid).ok && (checkLinkToken(uuid) as { message: string }).message).toMatch(
      /link_session_id/,
    );
    const itemId = 'eVBnVMp7zdTJLkRNr33Rs6zr7KNJqBFL9DrE6';
    expect((checkLinkToken(itemId) as { message: string }).message).toMatch(/item_id/);
  });

  it('rejects anything else as malformed', () => {
    for (const input of [
      '',
      'link-sandbox-123',
      'link-staging-' + uuid,
      `link-sandbox-${uuid}x`,
      'hello world',
    ]) {
      expect(checkLinkToken(input)).toMatchObject({ ok: false, code: 'MALFORMED_LINK_TOKEN' });
    }
  });
});

describe('tokenEnvironment', () => {
  it('names the environment of the prefix, valid token or not', () => {
    expect(tokenEnvironment('link-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d')).toBe('sandbox');
    expect(tokenEnvironment(' LINK-PRODUCTION-1A2B3C4D-5E6F-4A7B-8C9D-0E1F2A3B4C5D ')).toBe('production');
    expect(tokenEnvironment('link-development-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d')).toBe('development');
    expect(tokenEnvironment('public-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d')).toBe('sandbox');
    expect(tokenEnvironment('link-sandbox-nope')).toBeNull();
    expect(tokenEnvironment('')).toBeNull();
  });

  it('has a label for each environment', () => {
    expect(environmentLabel('sandbox')).toBe('Sandbox');
    expect(environmentLabel('development')).toBe('Development (retired)');
  });
});
