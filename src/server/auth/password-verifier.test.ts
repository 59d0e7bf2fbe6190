import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { bcryptOnWorkers, type BcryptCompare } from './bcrypt-workers';
import { createPasswordVerifier } from './password-verifier';

// Cost 4 keeps these fast; AUTH_USERS itself refuses costs below 10 (auth-users.ts).
const users = new Map([['alice', bcrypt.hashSync('correct horse', 4)]]);

function countingCompare(): BcryptCompare & { hashes: string[] } {
  const hashes: string[] = [];
  const compare = (password: string, hash: string) => {
    hashes.push(hash);
    return bcryptOnWorkers(password, hash);
  };
  return Object.assign(compare, { hashes });
}

describe('createPasswordVerifier', () => {
  it('accepts the right password and refuses a wrong one or an unknown user', async () => {
    const verifier = createPasswordVerifier(users, bcryptOnWorkers);
    const check = (name: string, password: string) => verifier.check(verifier.attempt(name, password));
    expect(await check('alice', 'correct horse')).toBe(true);
    expect(await check('alice', 'wrong horse')).toBe(false);
    expect(await check('mallory', 'correct horse')).toBe(false);
  });

  it('remembers a password that passed, and only that one, for that user only', async () => {
    const verifier = createPasswordVerifier(
      new Map([...users, ['bob', bcrypt.hashSync('bobs password', 4)]]),
      bcryptOnWorkers,
    );
    expect(verifier.attempt('alice', 'correct horse').remembered).toBe(false);
    expect(await verifier.check(verifier.attempt('alice', 'correct horse'))).toBe(true);
    expect(verifier.attempt('alice', 'correct horse').remembered).toBe(true);
    for (const [name, password] of [
      ['alice', 'correct horsE'],
      ['alice', ''],
      ['bob', 'correct horse'],
    ] as const)
      expect(verifier.attempt(name, password).remembered, `${name}:${password}`).toBe(false);
    expect(await verifier.check(verifier.attempt('alice', 'correct horsE'))).toBe(false);
  });

  it('gives identical attempts one fingerprint, and any other attempt another', () => {
    const verifier = createPasswordVerifier(users, bcryptOnWorkers);
    const fingerprint = (name: string, password: string) =>
      verifier.attempt(name, password).fingerprint.toString('hex');
    expect(fingerprint('alice', 'pw')).toBe(fingerprint('alice', 'pw'));
    expect(
      new Set([fingerprint('alice', 'pw'), fingerprint('alice', 'pw2'), fingerprint('bob', 'pw')]).size,
    ).toBe(3);
    // Another process (or another verifier) has another key.
    expect(
      createPasswordVerifier(users, bcryptOnWorkers).attempt('alice', 'pw').fingerprint.toString('hex'),
    ).not.toBe(fingerprint('alice', 'pw'));
  });

  it('checks an unknown name against a hash of the users’ own cost, so it takes as long', async () => {
    for (const cost of [4, 5]) {
      const compare = countingCompare();
      const verifier = createPasswordVerifier(new Map([['alice', bcrypt.hashSync('pw', cost)]]), compare);
      expect(await verifier.check(verifier.attempt('mallory', 'pw'))).toBe(false);
      expect(compare.hashes).toHaveLength(1);
      expect(compare.hashes[0]).toMatch(new RegExp(`^\\$2b\\$0${cost}\\$[./A-Za-z0-9]{53}$`));
    }
  });
});
