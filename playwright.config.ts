import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// Runs against the real built server (`npm run build` first) in simulator mode. E2E_PORT lets
// several runs share a machine.
const port = Number(process.env.E2E_PORT ?? 3100);
// The shared server's store starts empty on each run, apart from the checkout's own ./data: a copy
// of a migrated store made once per run, which the specs' own servers copy too
// (e2e/support/own-server.ts).
const dataDir = join(tmpdir(), `link-token-inspector-e2e-${port}`);
const storeTemplate = join(tmpdir(), `link-token-inspector-e2e-${port}-template`);
process.env.E2E_STORE_TEMPLATE = storeTemplate;
const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => !!path && existsSync(path),
);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  // Four, also on a 2-core machine (Playwright's default would be one there): most of a test's time
  // is spent waiting (on the server, the browser, a fault's timeout), and the suite uses about one
  // core of two (docs/benchmarks.md, "CI after the stores are copied").
  workers: 4,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Whole-page screenshots of passing states only with E2E_SCREENSHOTS=1 (e2e/support/page.ts).
    screenshot: 'only-on-failure',
    trace: 'on-first-retry',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command:
      `rm -rf '${dataDir}' '${storeTemplate}' && node --import tsx e2e/support/create-store.ts '${storeTemplate}' && ` +
      `cp -r '${storeTemplate}' '${dataDir}' && node dist/server/main.js`,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    // Creating the embedded store's database takes 5-40 s on a 2-core machine, the busier the longer.
    timeout: 120_000,
    // Every test shares the one user "local": lift the per-user rate limit above what they send.
    // The fault-hang fixture never answers: a short upstream timeout ends it in 4 s instead of 10
    // (still above the fault-latency fixture's 2 s, which must answer).
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      PLAID_UPSTREAM: 'simulator',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000',
      DATA_DIR: dataDir,
      PLAID_TIMEOUT_MS: '4000',
    },
  },
});
