import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// No import cycles, counting every import: values, types, re-exports and import(). import-x's
// no-cycle skips type-only imports and has no option to count them, but a cycle through a type
// still ties the modules together: neither can be read, moved or split without the other.

const CANDIDATES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function isFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

// Our own modules only: relative specifiers, resolved the way TypeScript resolves them here.
function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  return (
    CANDIDATES.map((ending) => base + ending).find((file) => /\.tsx?$/.test(file) && isFile(file)) ?? null
  );
}

// Each file's imports, read once per version of the file (an editor or a test lints again).
const importsCache = new Map();

function importsOf(file) {
  const { mtimeMs } = statSync(file);
  const cached = importsCache.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.imports;
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const imports = importedFiles.map((entry) => resolveImport(file, entry.fileName)).filter(Boolean);
  importsCache.set(file, { mtimeMs, imports });
  return imports;
}

// The shortest way back from `start` to `target`, as a list of files (null: none).
function routeBack(start, target) {
  const cameFrom = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const next of importsOf(file)) {
      if (next === target) {
        const route = [file];
        for (let step = cameFrom.get(file); step; step = cameFrom.get(step)) route.unshift(step);
        return route;
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles, type-only imports included' },
    schema: [],
    messages: { cycle: 'Import cycle: {{route}}.' },
  },
  create(context) {
    const filename = context.filename;
    const relative = (file) => path.relative(context.cwd, file);
    function check(node) {
      if (node.source?.type !== 'Literal' || typeof node.source.value !== 'string') return;
      const target = resolveImport(filename, node.source.value);
      if (!target || target === filename) return;
      const route = routeBack(target, filename);
      if (route) {
        context.report({
          node,
          messageId: 'cycle',
          data: { route: [filename, ...route, filename].map(relative).join(' -> ') },
        });
      }
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
