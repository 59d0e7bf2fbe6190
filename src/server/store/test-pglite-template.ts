import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { openDatabase } from './open-database';

// Vitest's global setup for the server's tests. Creating an embedded database costs PGlite seconds
// of CPU (its initdb), copying a closed one a fraction of a second: the run creates one migrated
// database here, and each PGlite store the tests open starts as a copy of it (test-backends.ts).
export default async function createPgliteTemplate(project: TestProject): Promise<() => void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'inspector-pglite-template-'));
  const { db } = await openDatabase({ dataDir }, pino({ level: 'silent' }));
  await db.destroy();
  project.provide('pgliteTemplate', dataDir);
  return () => rmSync(dataDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
