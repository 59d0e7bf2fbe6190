import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { parseAuthUsers } from './auth-users';

const aliceHash = bcrypt.hashSync('alice-password', 10);
const bobHash = bcrypt.hashSync('bob-password', 10);

describe('parseAuthUsers', () => {
  it('reads name:hash pairs separated by commas', () => {
    const result = parseAuthUsers(`alice:${aliceHash}, bob:${bobHash}`);
    expect(result).toEqual({
      ok: true,
      users: new Map([
        ['alice', aliceHash],
        ['bob', bobHash],
      ]),
    });
  });

  it('refuses a plain password in place of a hash, without repeating it', () => {
    const result = parseAuthUsers('alice:hunter2');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toMatch(/alice.*not a bcrypt hash.*npm run hash-password/);
      expect(result.problem).not.toContain('hunter2');
    }
  });

  it('refuses an entry without a name, without repeating it', () => {
    const result = parseAuthUsers(`alice:${aliceHash},hunter2`);
    expect(result).toEqual({ ok: false, problem: 'entry 2 is not name:bcrypt-hash' });
  });

  it('refuses a user listed twice and an empty list', () => {
    expect(parseAuthUsers(`alice:${aliceHash},alice:${bobHash}`)).toEqual({
      ok: false,
      problem: '"alice" is listed twice',
    });
    expect(parseAuthUsers(' , ')).toEqual({ ok: false, problem: 'it lists no users' });
  });

  it('refuses a bcrypt cost outside 10 to 14, without repeating the hash', () => {
    for (const cost of [4, 5, 9, 15, 31]) {
      // A cost of 31 would make every sign-in hang; the hash need not be real to be refused.
      const hash = `${bcrypt.genSaltSync(10).replace('$10$', `$${String(cost).padStart(2, '0')}$`)}${'a'.repeat(31)}`;
      const result = parseAuthUsers(`alice:${aliceHash},bob:${hash}`);
      expect(result).toEqual({
        ok: false,
        problem: `the hash for "bob" has bcrypt cost ${cost}; use a cost from 10 to 14 (npm run hash-password makes 10)`,
      });
    }
  });

  it('refuses users whose hashes have different costs, as timing would tell them apart', () => {
    const costlier = bcrypt.hashSync('carol-password', 11);
    const result = parseAuthUsers(`alice:${aliceHash},bob:${bobHash},carol:${costlier}`);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toMatch(
        /^the hash for "carol" has bcrypt cost 11, the ones before it 10: give every user the same cost/,
      );
      expect(result.problem).not.toContain(costlier);
    }
  });
});
