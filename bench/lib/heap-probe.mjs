// Bench-only preload for the server under test (`node --expose-gc --import ./bench/lib/heap-probe.mjs`,
// passed through NODE_OPTIONS so the server ships unchanged). Every HEAP_PROBE_INTERVAL_MS it forces
// a full garbage collection and appends the memory that survived it, one JSON line, to
// HEAP_PROBE_FILE. Heap used after a full GC is what a leak grows; RSS also grows while V8 and the
// allocator warm up (young generation sized up, old-space pages kept for reuse), which is not a leak.
import { appendFileSync } from 'node:fs';

const file = process.env.HEAP_PROBE_FILE;
const intervalMs = Number(process.env.HEAP_PROBE_INTERVAL_MS || 2000);
if (file && typeof global.gc === 'function') {
  setInterval(() => {
    global.gc();
    const { heapUsed, rss, external, arrayBuffers } = process.memoryUsage();
    appendFileSync(file, JSON.stringify({ t: Date.now(), heapUsed, rss, external, arrayBuffers }) + '\n');
  }, intervalMs).unref();
}
