import { defineConfig } from 'tsup';

export default defineConfig({
  // The embedded database's thread (src/server/store/pglite-thread.ts) starts its own file.
  entry: {
    main: 'src/server/main.ts',
    simulator: 'src/simulator/main.ts',
    'pglite-worker': 'src/server/store/pglite-worker.js',
  },
  outDir: 'dist/server',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  clean: true,
});
