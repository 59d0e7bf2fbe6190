// Finds a Chromium for the Playwright tests before they start, so a fresh machine gets a clear
// answer instead of Playwright's "browser not found" stack trace. Order: CHROMIUM_PATH, the system
// Chromium, `apt-get install chromium` when we are root on Debian, else a message saying what to do.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = () => candidates.find((path) => existsSync(path));

if (!found() && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('No Chromium found; installing Debian chromium (apt-get install -y chromium)...');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } catch {
    // Reported below with the manual instructions.
  }
}

if (!found()) {
  console.error(
    [
      'The browser tests need Chromium and none was found.',
      '  Debian/Ubuntu: sudo apt-get install -y chromium',
      '  Elsewhere:     npx playwright install chromium   (needs internet)',
      '  Or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
    ].join('\n'),
  );
  process.exit(1);
}
