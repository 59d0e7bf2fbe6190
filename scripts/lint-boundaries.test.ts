import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The layout's boundaries (docs/architecture.md) hold only if lint fails on code that crosses them.
// Each probe is a small file that breaks one boundary, written into the tree where it applies and
// linted with the project's own eslint.config.js; the rule that guards the boundary must fire.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tag = `lint-probe-${process.pid}`;

type Probe = {
  boundary: string;
  // Files to write, path -> source; the first is the one that must be reported.
  files: Record<string, string>;
  rule: string;
  message: RegExp;
};

const probes: Probe[] = [
  {
    boundary: 'src/shared imports no Node module',
    files: { [`src/shared/${tag}-node.ts`]: "export { readFileSync } from 'node:fs';\n" },
    rule: 'import-x/no-nodejs-modules',
    message: /node:fs/,
  },
  ...['undici', 'hono', 'hono/timing', 'pino'].map((name, index) => ({
    boundary: `src/shared imports no server package (${name})`,
    files: { [`src/shared/${tag}-server-${index}.ts`]: `export * from '${name}';\n` },
    rule: 'no-restricted-imports',
    message: /no server packages/,
  })),
  {
    boundary: 'no import cycle, even through types only',
    files: {
      [`src/shared/${tag}-cycle-a.ts`]: `import type { B } from './${tag}-cycle-b';\nexport type A = { b: B };\n`,
      [`src/shared/${tag}-cycle-b.ts`]: `import type { A } from './${tag}-cycle-a';\nexport type B = { a?: A };\n`,
    },
    rule: 'local/no-import-cycle',
    message: /^Import cycle: /,
  },
  {
    boundary: 'the domain never imports the diagnosis',
    files: { [`src/shared/domain/${tag}.ts`]: "export { diagnose } from '../diagnosis';\n" },
    rule: 'import-x/no-restricted-paths',
    message: /never import the diagnosis/,
  },
  {
    boundary: 'shared components never call the server',
    files: {
      [`src/client/components/${tag}.ts`]: "export { lookupLinkToken } from '../api/lookup-link-token';\n",
    },
    rule: 'import-x/no-restricted-paths',
    message: /fetching belongs to a feature/,
  },
  {
    boundary: "a feature's lib/ has no React",
    files: { [`src/client/features/batch/lib/${tag}.ts`]: "export { useState } from 'react';\n" },
    rule: 'no-restricted-imports',
    message: /lib\/ holds plain functions/,
  },
  {
    boundary: 'features never import each other',
    files: {
      [`src/client/features/lookup/components/${tag}.ts`]: "export { StatusPanel } from '../../answer';\n",
    },
    rule: 'import-x/no-restricted-paths',
    message: /Features never import each other/,
  },
];

const written = probes.flatMap((probe) => Object.keys(probe.files));
let results: Map<string, ESLint.LintResult>;

beforeAll(async () => {
  for (const probe of probes) {
    for (const [path, source] of Object.entries(probe.files)) writeFileSync(join(root, path), source);
  }
  const lint = await new ESLint({ cwd: root }).lintFiles(probes.map((probe) => Object.keys(probe.files)[0]!));
  results = new Map(lint.map((result) => [result.filePath, result]));
}, 240_000);

afterAll(() => {
  for (const path of written) rmSync(join(root, path), { force: true });
});

describe('lint holds the boundaries', () => {
  it.each(probes)('$boundary', ({ files, rule, message }) => {
    const result = results.get(join(root, Object.keys(files)[0]!));
    const fired = (result?.messages ?? []).filter((entry) => entry.ruleId === rule);
    expect(fired.map((entry) => entry.message)).toContainEqual(expect.stringMatching(message));
  });
});
