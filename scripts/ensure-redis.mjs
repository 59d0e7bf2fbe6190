// Makes sure redis-server is there before the unit tests start: the Redis tests
// (src/server/redis-limits.test.ts) run a real one of their own. A fresh machine gets it where it
// can (`apt-get install redis-server` when we are root on Debian); elsewhere the tests would fail,
// so this stops here with what to install instead.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function hasRedisServer() {
  try {
    execSync('redis-server --version', { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

if (!hasRedisServer() && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('No redis-server found; installing Debian redis-server (apt-get install -y redis-server)...');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server', {
      stdio: 'inherit',
    });
  } catch {
    // Whatever failed is reported below, with the manual instructions.
  }
}

if (!hasRedisServer()) {
  console.error(
    [
      'The unit tests need redis-server (the Redis tests start one of their own) and none was found or could be installed.',
      '  Debian/Ubuntu: sudo apt-get install -y redis-server',
      '  macOS:         brew install redis',
    ].join('\n'),
  );
  process.exit(1);
}
