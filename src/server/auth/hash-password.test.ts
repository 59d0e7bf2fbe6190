import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseAuthUsers } from './auth-users';
import { hashPassword } from './hash-password';
import { bcryptOnWorkers } from './bcrypt-workers';
import { createPasswordVerifier } from './password-verifier';

describe('hashPassword', () => {
  it('makes a hash that AUTH_USERS accepts and that signs the user in with that password only', async () => {
    const hash = await hashPassword('open sesame');
    const parsed = parseAuthUsers(`alice:${hash}`);
    if (!parsed.ok) throw new Error(parsed.problem);
    const verifier = createPasswordVerifier(parsed.users, bcryptOnWorkers);
    expect(await verifier.check(verifier.attempt('alice', 'open sesame'))).toBe(true);
    expect(await verifier.check(verifier.attempt('alice', 'open sesame!'))).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
});

describe('npm run hash-password', () => {
  // The script as an operator runs it, with the password piped in.
  function run(password: string): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/hash-password.ts', 'alice'], {
      input: `${password}\n`,
      encoding: 'utf8',
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it(
    'refuses a password longer than the 72 bytes bcrypt reads, and makes no hash',
    { timeout: 30_000 },
    () => {
      // bcrypt ignores every byte after the 72nd: these two would sign in alike.
      for (const password of ['x'.repeat(73), 'é'.repeat(37)]) {
        const result = run(password);
        expect(result.status).toBe(1);
        expect(result.stderr).toContain('at most 72 bytes');
        expect(result.stdout).toBe('');
      }
    },
  );

  it('makes a hash for a password of 12 characters to 72 bytes', { timeout: 30_000 }, () => {
    const result = run('y'.repeat(72));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^alice:\$2[aby]\$10\$/);
  });
});
