// The embedded PostgreSQL (PGlite) in a thread of its own (see pglite-thread.ts). PGlite is
// WebAssembly that runs each query to the end on the thread that calls it, and it ignores
// statement_timeout; here a slow query blocks only this thread, and the server can end it.
// Plain JavaScript so that the built server and the TypeScript sources start the same file.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

// PostgreSQL's 128 MB of shared buffers live in PGlite's WebAssembly memory, which never shrinks:
// 16 MB holds the store's hot pages (the files are in the OS's page cache besides), and keeps the
// server opening an existing DATA_DIR at ~240 MB RSS instead of ~380 MB (docs/benchmarks.md).
// PGlite's own start parameters (single-user mode among them) are kept, these appended.
const MEMORY_SETTINGS = ['-c', 'shared_buffers=16MB', '-c', 'wal_buffers=1MB'];

let db;
try {
  db = await PGlite.create(workerData.dataDir, {
    startParams: [...PGlite.defaultStartParams, ...MEMORY_SETTINGS],
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ failed: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}

parentPort.on('message', async (message) => {
  if (message.close) {
    await db.close();
    process.exit(0);
  }
  try {
    // A statement without parameters (BEGIN, COMMIT) goes as one simple query: the extended
    // protocol's parse, bind, describe and execute are each a call into the WebAssembly, and
    // together cost such a statement twice the CPU (docs/benchmarks.md, "Keeping a changed answer").
    const result =
      message.params.length === 0
        ? ((await db.exec(message.sql)).at(-1) ?? { rows: [] })
        : await db.query(message.sql, message.params);
    parentPort.postMessage({ id: message.id, rows: result.rows, affectedRows: result.affectedRows ?? 0 });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
