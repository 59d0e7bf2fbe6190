// Copies the part of Plaid's OpenAPI spec that this project uses (the operations below and every
// schema they reference) into the repository, so builds and tests never depend on ../shared.
// Run again when Plaid publishes a new spec: npm run vendor-spec -- <path to the yml>
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const source = process.argv[2] ?? '../shared/reference/plaid-openapi-2020-09-14.yml';
const target = 'src/shared/spec/plaid.openapi.json';
const paths = ['/link/token/get', '/institutions/get_by_id'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const spec = parse(readFileSync(source, 'utf8')) as {
  openapi: string;
  info: { version: string; title: string };
  paths: Record<string, Json>;
  components: { schemas: Record<string, Json>; securitySchemes: Record<string, Json> };
};

const needed = new Set<string>();

function collectRefs(node: Json): void {
  if (Array.isArray(node)) {
    node.forEach(collectRefs);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const name = value.replace('#/components/schemas/', '');
        if (!needed.has(name)) {
          needed.add(name);
          collectRefs(spec.components.schemas[name] ?? null);
        }
      } else {
        collectRefs(value);
      }
    }
  }
}

for (const path of paths) collectRefs(spec.paths[path] ?? null);

const schemas = Object.fromEntries(
  [...needed].sort().map((name) => [name, spec.components.schemas[name] ?? null]),
);
const vendored = {
  openapi: spec.openapi,
  info: { ...spec.info, 'x-vendored-from': `plaid-openapi 2020-09-14, only ${paths.join(', ')}` },
  paths: Object.fromEntries(paths.map((path) => [path, spec.paths[path] ?? null])),
  components: { schemas, securitySchemes: spec.components.securitySchemes },
};
writeFileSync(target, JSON.stringify(vendored, null, 2) + '\n');
console.log(`wrote ${target}: ${needed.size} schemas`);
