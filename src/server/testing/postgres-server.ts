import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

// A real PostgreSQL server (the Debian package) on a free loopback port in a temporary directory,
// started and stopped by the test that needs it: nothing shared with any other PostgreSQL on the
// machine. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user the
// package creates (runuser). stop() and start() take it away and bring it back (an outage).

export type TestPostgres = {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  // Stops it for good and removes its directory.
  destroy(): Promise<void>;
};

const run = promisify(execFile);
const INSTALL_HINT =
  'The PostgreSQL tests need PostgreSQL (initdb, pg_ctl), which is not installed. Install it (Debian/Ubuntu: ' +
  'sudo apt-get install -y postgresql; macOS: brew install postgresql) and run the tests again.';

export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'inspector-pg-'));
  if (asRoot) chownSync(dir, uid('postgres'), gid('postgres'));
  const command = (program: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args];
  const data = join(dir, 'data');
  await run(...command('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']));
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const start = () =>
    run(...command('pg_ctl', ['start', '-w', '-D', data, '-l', join(dir, 'log'), '-o', options])).then(
      () => {},
    );
  const stop = () =>
    run(...command('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', data])).then(
      () => {},
      () => {},
    );
  // A test run that dies half-way must not leave a server behind.
  const stopAtExit = () => {
    try {
      execFileSync(...command('pg_ctl', ['stop', '-m', 'immediate', '-D', data]), { stdio: 'ignore' });
    } catch {
      // Already stopped.
    }
  };
  await start();
  process.once('exit', stopAtExit);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop,
    start,
    async destroy() {
      process.off('exit', stopAtExit);
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Debian keeps the server programs out of PATH, one directory per major version.
function postgresBinDir(): string {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
    for (const version of versions)
      if (existsSync(join(debian, version, 'bin', 'initdb'))) return join(debian, version, 'bin');
  }
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(INSTALL_HINT);
  }
}

function uid(user: string): number {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}
function gid(user: string): number {
  return Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
}
