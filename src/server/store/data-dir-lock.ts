import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// PGlite opens a data directory from one process only: a second server on the same DATA_DIR would
// corrupt it. The server that opens it writes its pid into a lock file there, and a second one
// refuses to start while that process lives. A lock left by a process that is gone (a crash, a
// kill -9) is taken over; so is one holding this process's own pid (a container restarted with
// the same pid).

export const LOCK_FILE = 'server.pid';

// Returns the release, which removes the lock file.
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
    if (holder !== process.pid && isRunning(holder))
      throw new Error(
        `${dataDir} is in use by another server (pid ${holder}, in ${file}): the embedded database opens ` +
          'from one process only. Stop that server, give this one another DATA_DIR, or set DATABASE_URL ' +
          'for a PostgreSQL store several instances can share.',
      );
    rmSync(file, { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
