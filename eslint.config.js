import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { noImportCycle } from './eslint/no-import-cycle.js';

// The layout's boundaries (docs/architecture.md), enforced here so that a wrong import fails
// `npm run lint` instead of waiting for a reviewer.
const features = readdirSync('src/client/features', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const clientZone = {
  target: './src/client',
  from: ['./src/server', './src/simulator'],
  message: 'The browser app talks to the server over HTTP only (src/client/api/).',
};

const boundaries = [
  // Shared code is pure and used by both sides, so it imports neither.
  {
    target: './src/shared',
    from: ['./src/client', './src/server', './src/simulator'],
    message: 'src/shared/ imports neither side.',
  },
  // Inside shared: the diagnosis builds on the domain's facts, never the other way round.
  {
    target: ['./src/shared/domain', './src/shared/schemas'],
    from: './src/shared/diagnosis',
    message: 'The domain and the schemas never import the diagnosis.',
  },
  { target: './src/server', from: './src/client', message: 'The server never imports the client.' },
  {
    target: './src/server',
    from: './src/simulator',
    except: ['./index.ts'],
    message: 'The server uses the simulator only through src/simulator/index.ts.',
  },
  {
    target: './src/simulator',
    from: ['./src/client', './src/server'],
    message: 'The simulator is a program of its own.',
  },
  clientZone,
  { target: './src', from: ['./bench', './e2e'], message: 'Product code never imports benchmarks or browser tests.' },
  // Inside the client: app composes features; features build on components, api, hooks and lib.
  {
    target: ['./src/client/components', './src/client/api', './src/client/hooks', './src/client/lib'],
    from: ['./src/client/app', './src/client/features'],
    message: 'Shared client code never imports a feature or the app.',
  },
  {
    target: './src/client/components',
    from: './src/client/api',
    message: 'Shared components only show what they are given: fetching belongs to a feature.',
  },
  { target: './src/client/features', from: './src/client/app', message: 'Features never import the app.' },
  // bulletproof-react's rule: features never import each other; the app composes them (it hands
  // the answer feature's panels to Lookup and Batch).
  ...features.map((feature) => ({
    target: `./src/client/features/${feature}`,
    from: './src/client/features',
    except: [`./${feature}`],
    message: 'Features never import each other: the app composes them.',
  })),
];

// Packages that only run in the Node server. src/shared/ runs in the browser too.
const serverOnly = [
  'hono',
  'hono/*',
  '@hono/*',
  'hono-rate-limiter',
  'undici',
  'pino',
  'ioredis',
  'prom-client',
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'playwright-report', 'test-results', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    plugins: { 'import-x': importX, local: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
      'local/no-import-cycle': 'error',
    },
  },
  // A narrow exception for client test files: they may draw the simulator's fixtures
  // (src/simulator/index.ts only), so the answer UI is checked against every one without a browser.
  {
    files: ['src/client/**/*.test.tsx'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...boundaries.filter((zone) => zone !== clientZone),
            { ...clientZone, from: './src/server' },
            { ...clientZone, from: './src/simulator', except: ['./index.ts'] },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'react', message: 'src/shared/ is pure: no React.' }],
          patterns: [
            { group: ['react-*'], message: 'src/shared/ is pure: no React.' },
            { group: serverOnly, message: 'src/shared/ runs in the browser too: no server packages.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/client/lib/**', 'src/client/features/*/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'react',
              message: 'lib/ holds plain functions: React belongs in components/ and hooks/.',
            },
          ],
          patterns: [
            {
              group: ['react-*', '@tanstack/react-*'],
              message: 'lib/ holds plain functions: React belongs in components/ and hooks/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
