import { describe, expect, it } from 'vitest';
import { maskSecrets } from './mask-secrets';

describe('maskSecrets', () => {
  it('masks public, access and processor tokens but keeps link tokens and session ids', () => {
    const text = [
      'onSuccess public-sandbox-b0e2c4ee-a763-4df5-bfe9-46a46bce993d',
      'exchanged: access-production-55555555-5555-4555-8555-555555555555',
      'processor-sandbox-11111111-1111-4111-8111-111111111111',
      'link-sandbox-79e723b0-0e04-4248-8a33-15ceb6828a45 1daca4d5-9a0d-4e85-a2e9-1e905ecaa32e',
    ].join('\n');
    const { text: masked, maskedCount } = maskSecrets(text);
    expect(masked).toBe(
      [
        'onSuccess public-sandbox-••••••',
        'exchanged: access-production-••••••',
        'processor-sandbox-••••••',
        'link-sandbox-79e723b0-0e04-4248-8a33-15ceb6828a45 1daca4d5-9a0d-4e85-a2e9-1e905ecaa32e',
      ].join('\n'),
    );
    expect(maskedCount).toBe(3);
  });

  it('masks secrets in JSON and key=value form and keeps the JSON valid', () => {
    const json = '{"client_id":"5f3e9a1b2c4d6e8f0a1b2c3d","secret":"0123456789abcdef0123456789abcd","x":1}';
    const { text } = maskSecrets(json);
    expect(JSON.parse(text)).toEqual({ client_id: '5f3e9a1b2c4d6e8f0a1b2c3d', secret: '••••••', x: 1 });
    expect(
      maskSecrets('PLAID_SECRET=abc123 password: hunter2 Authorization: Bearer eyJhbGciOi.x.y').text,
    ).toBe('PLAID_SECRET=•••••• password: •••••• Authorization: ••••••');
  });

  it('masks a bare Plaid secret (30 hexadecimal characters) wherever it is', () => {
    expect(maskSecrets('key 0123456789abcdef0123456789abcd here').text).toBe('key •••••• here');
  });

  it('leaves text without secrets as it is', () => {
    expect(maskSecrets('onEvent OPEN {"view_name":"CONSENT"}')).toEqual({
      text: 'onEvent OPEN {"view_name":"CONSENT"}',
      maskedCount: 0,
    });
  });
});
