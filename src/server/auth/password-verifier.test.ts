import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { createPasswordVerifier } from './password-verifier';

const users = new Map([['alice', bcrypt.hashSync('correct horse', 4)]]);

describe('createPasswordVerifier', () => {
  it('accepts the right password and refuses a wrong one or an unknown user', async () => {
    const verify = createPasswordVerifier(users);
    expect(await verify('alice', 'correct horse')).toBe(true);
    expect(await verify('alice', 'wrong horse')).toBe(false);
    expect(await verify('mallory', 'correct horse')).toBe(false);
  });

  it('still refuses a wrong password after the right one was remembered', async () => {
    const verify = createPasswordVerifier(users);
    expect(await verify('alice', 'correct horse')).toBe(true);
    expect(await verify('alice', 'correct horse')).toBe(true);
    expect(await verify('alice', 'correct horsE')).toBe(false);
    expect(await verify('alice', '')).toBe(false);
  });
});
