import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataDir } from './data-dir-lock';
import { openDatabase } from './open-database';

// One server per DATA_DIR: PGlite is single-process. Another live process is stood for by this
// one's parent (the test runner), a dead one by a child that has exited.

const dirs: string[] = [];
function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'inspector-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function deadPid(): number {
  return Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']));
}

describe('the DATA_DIR lock', () => {
  it('holds the pid while open and is removed on release', () => {
    const dir = newDataDir();
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a DATA_DIR another running server holds, naming its pid and the way out', () => {
    const dir = newDataDir();
    writeFileSync(join(dir, LOCK_FILE), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(
      new RegExp(`in use by another server \\(pid ${process.ppid}.*another DATA_DIR.*DATABASE_URL`),
    );
  });

  it('takes over a lock left by a server that is gone', () => {
    const dir = newDataDir();
    writeFileSync(join(dir, LOCK_FILE), String(deadPid()));
    lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
  });

  it('stops the store from opening, and leaves the other server its lock', async () => {
    const dir = newDataDir();
    writeFileSync(join(dir, LOCK_FILE), String(process.ppid));
    await expect(openDatabase({ dataDir: dir }, pino({ level: 'silent' }))).rejects.toThrow(
      /in use by another server/,
    );
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(String(process.ppid));
  });

  it('is released when the store closes, so the next start opens it', async () => {
    const dir = newDataDir();
    const { db } = await openDatabase({ dataDir: dir }, pino({ level: 'silent' }));
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    await db.destroy();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  }, 60_000);
});
