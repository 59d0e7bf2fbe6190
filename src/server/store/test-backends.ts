import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../testing/postgres-server';
import type { StoreLocation } from './open-database';

// The two places a store can live, for tests that must hold on both: an embedded PGlite in a
// temporary directory (a copy of the run's migrated one, test-pglite-template.ts), and a real
// PostgreSQL server started for the test.
export type TestBackend = {
  name: 'pglite' | 'postgresql';
  location: StoreLocation;
  postgres?: TestPostgres;
  done(): Promise<void>;
};

export const BACKENDS = ['pglite', 'postgresql'] as const;

export async function startBackend(name: (typeof BACKENDS)[number]): Promise<TestBackend> {
  if (name === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'inspector-pglite-'));
    cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
    return {
      name,
      location: { dataDir },
      done: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const postgres = await startTestPostgres();
  return { name, location: { databaseUrl: postgres.url }, postgres, done: () => postgres.destroy() };
}
