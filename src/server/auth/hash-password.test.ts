import { describe, expect, it } from 'vitest';
import { parseAuthUsers } from './auth-users';
import { hashPassword } from './hash-password';
import { createPasswordVerifier } from './password-verifier';

describe('hashPassword', () => {
  it('makes a hash that AUTH_USERS accepts and that signs the user in with that password only', async () => {
    const hash = await hashPassword('open sesame');
    const parsed = parseAuthUsers(`alice:${hash}`);
    if (!parsed.ok) throw new Error(parsed.problem);
    const verify = createPasswordVerifier(parsed.users);
    expect(await verify('alice', 'open sesame')).toBe(true);
    expect(await verify('alice', 'open sesame!')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
});
