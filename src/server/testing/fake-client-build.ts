import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A stand-in for the built browser app (dist/client) in a temporary folder, so that tests of the
// whole app serve pages whether or not `npm run build` has run.

export const FAKE_ASSET_PATH = '/assets/index-3f9a.js';

export type FakeClientBuild = { dir: string; remove(): void };

export function fakeClientBuild(): FakeClientBuild {
  const dir = mkdtempSync(join(tmpdir(), 'inspector-client-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><title>Link Token Inspector</title><script type="module" src="${FAKE_ASSET_PATH}"></script>`,
  );
  writeFileSync(join(dir, FAKE_ASSET_PATH), 'console.log("app")');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
