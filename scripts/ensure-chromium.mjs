// Finds a Chromium for the Playwright tests before they start, so a fresh machine gets one where it
// can and a clear answer where it cannot, instead of Playwright's "browser not found" stack trace.
// Order: CHROMIUM_PATH or the system Chromium (what playwright.config.ts launches); Playwright's
// own browser if it was downloaded before; `apt-get install chromium` when we are root on Debian;
// Playwright's own download where the network allows; else a message saying what to do.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const systemCandidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const hasSystemChromium = () => systemCandidates.some((path) => path && existsSync(path));
const hasPlaywrightChromium = () => existsSync(chromium.executablePath());

function attempt(message, command) {
  console.log(message);
  try {
    execSync(command, { stdio: 'inherit' });
  } catch {
    // Whatever failed is reported below, with the manual instructions.
  }
}

if (!hasSystemChromium() && !hasPlaywrightChromium()) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    attempt(
      'No Chromium found; installing Debian chromium (apt-get install -y chromium)...',
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
    );
  }
  if (!hasSystemChromium()) {
    attempt(
      'No system Chromium; trying Playwright’s own download (npx playwright install chromium)...',
      'npx playwright install chromium',
    );
  }
}

if (!hasSystemChromium() && !hasPlaywrightChromium()) {
  console.error(
    [
      'The browser tests need Chromium and none was found or could be installed.',
      '  Debian/Ubuntu: sudo apt-get install -y chromium',
      '  Elsewhere:     npx playwright install chromium   (needs internet)',
      '  Or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
    ].join('\n'),
  );
  process.exit(1);
}
