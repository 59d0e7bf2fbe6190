import pino from 'pino';
import { openDatabase } from '../../src/server/store/open-database';

// Creates a migrated embedded store in the directory given (run by playwright.config.ts before the
// shared server starts). Every server the browser tests start opens a copy of it: PGlite takes
// seconds of CPU to create a database, a fraction of one to open a copy.
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: node --import tsx e2e/support/create-store.ts DIR');
const { db } = await openDatabase({ dataDir }, pino({ level: 'silent' }));
await db.destroy();
