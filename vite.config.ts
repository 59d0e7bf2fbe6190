import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One config for the browser build, the dev server and the tests. The dev server forwards /api to
// the Node server started by `npm run dev`, so the browser only ever talks to its own origin.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // zod and the module that turns its eval probe off (our CSP forbids eval) share one chunk,
        // which every chunk holding a schema imports: so the setting is in force before any schema
        // is built, however the other modules are split into chunks.
        manualChunks: (id) =>
          /[\\/]node_modules[\\/]zod[\\/]|[\\/]app[\\/]zod-config\.ts$/.test(id) ? 'zod' : undefined,
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? '3000'}` },
  },
  test: {
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core CI machine,
    // where much of the suite waits on PostgreSQL, Redis and child processes rather than the CPU.
    maxWorkers: 2,
    projects: [
      // The component tests share one jsdom and one module cache per worker (isolate: false): a
      // fresh environment and fresh imports for each file cost more than the tests themselves.
      // setup.ts resets what a test leaves behind (handlers, DOM, address bar, storage). A file that
      // replaces a module with vi.mock cannot share modules: it is named *.isolated.test.tsx and
      // runs alone.
      {
        extends: true,
        test: {
          name: 'client',
          environment: 'jsdom',
          isolate: false,
          include: ['src/client/**/*.test.{ts,tsx}'],
          exclude: ['src/client/**/*.isolated.test.{ts,tsx}'],
          setupFiles: ['src/client/test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'client-isolated',
          environment: 'jsdom',
          include: ['src/client/**/*.isolated.test.{ts,tsx}'],
          setupFiles: ['src/client/test/setup.ts'],
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          globalSetup: ['src/server/store/test-pglite-template.ts'],
          isolate: false,
          include: [
            'src/server/**/*.test.ts',
            'src/shared/**/*.test.ts',
            'src/simulator/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          exclude: ['src/server/**/*.isolated.test.ts'],
        },
      },
      // As on the client: a server test that replaces a module with vi.mock runs alone.
      {
        test: {
          name: 'node-isolated',
          environment: 'node',
          include: ['src/server/**/*.isolated.test.ts'],
        },
      },
    ],
  },
});
