import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { parseAuthUsers } from './auth-users';

const aliceHash = bcrypt.hashSync('alice-password', 4);
const bobHash = bcrypt.hashSync('bob-password', 4);

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
});
