import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// The bench side of bench/lib/heap-probe.mjs: the environment that loads the probe into a server
// process, and the samples it wrote.

export type HeapSample = { t: number; heapUsed: number; rss: number; external: number; arrayBuffers: number };

export type HeapProbe = { env: Record<string, string>; read(): HeapSample[]; dispose(): void };

export function heapProbe(intervalMs: number): HeapProbe {
  const dir = mkdtempSync(join(tmpdir(), 'heap-probe-'));
  const file = join(dir, 'samples.jsonl');
  return {
    env: {
      NODE_OPTIONS: `--expose-gc --import ${pathToFileURL(resolve('bench/lib/heap-probe.mjs')).href}`,
      HEAP_PROBE_FILE: file,
      HEAP_PROBE_INTERVAL_MS: String(intervalMs),
    },
    read() {
      try {
        return readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as HeapSample);
      } catch {
        return [];
      }
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
