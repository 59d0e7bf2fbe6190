import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { table, type Section } from './lib/report';

// Front end: the initial JavaScript as size-limit measures it on every `npm test` (the entry
// chunk index.html loads), next to all JavaScript including lazy chunks, for context.

type SizeLimitResult = { name: string; passed: boolean; size: number; sizeLimit: number };

const ASSETS = 'dist/client/assets';

function gzipKb(bytes: Buffer): string {
  return `${(gzipSync(bytes).length / 1000).toFixed(1)} kB`;
}

export function runBundleSizeCheck(): Section {
  let output: string;
  try {
    output = execFileSync('npx', ['size-limit', '--json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    // size-limit exits with 1 when a limit is exceeded; its JSON report is still on stdout.
    output = String((error as { stdout?: string }).stdout ?? '');
  }
  const [initial] = JSON.parse(output) as SizeLimitResult[];
  if (!initial) throw new Error('size-limit measured nothing: is dist/client built?');

  const chunks = readdirSync(ASSETS).filter((name) => name.endsWith('.js'));
  const rows = chunks.map((name) => [name, gzipKb(readFileSync(`${ASSETS}/${name}`))]);

  return {
    title: 'Front end: initial JavaScript',
    markdown: [
      `size-limit (\`.size-limit.js\`, run by \`npm test\`): **${(initial.size / 1000).toFixed(1)} kB** gzip ` +
        `for ${initial.name}; limit ${(initial.sizeLimit / 1000).toFixed(0)} kB.`,
      '',
      'Every JavaScript chunk of the build (gzip, for context; only the entry chunk loads up front):',
      '',
      table(['chunk', 'gzip'], rows),
    ].join('\n'),
    goals: [
      {
        name: 'initial JavaScript < 150 kB gzip',
        met: initial.passed,
        detail: `${(initial.size / 1000).toFixed(1)} kB`,
      },
    ],
  };
}
