import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { main: 'src/server/main.ts', simulator: 'src/simulator/main.ts' },
  outDir: 'dist/server',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  clean: true,
});
