// Makes sure PostgreSQL's server programs are there before the unit tests start: the store's tests
// (src/server/store/, src/server/routes/kept.test.ts) run a real PostgreSQL of their own
// (src/server/testing/postgres-server.ts). A fresh machine gets it where it can (`apt-get install
// postgresql` when we are root on Debian); elsewhere the tests would fail, so this stops here with
// what to install instead.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function hasPostgres() {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian) && readdirSync(debian).some((version) => existsSync(join(debian, version, 'bin', 'initdb'))))
    return true;
  try {
    execSync('pg_config --bindir', { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

if (!hasPostgres() && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('No PostgreSQL found; installing Debian postgresql (apt-get install -y postgresql)...');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql', {
      stdio: 'inherit',
    });
  } catch {
    // Whatever failed is reported below, with the manual instructions.
  }
}

if (!hasPostgres()) {
  console.error(
    [
      'The unit tests need PostgreSQL (the store tests start one of their own) and none was found or could be installed.',
      '  Debian/Ubuntu: sudo apt-get install -y postgresql',
      '  macOS:         brew install postgresql',
    ].join('\n'),
  );
  process.exit(1);
}
