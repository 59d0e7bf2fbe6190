import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The design tokens are the only place a colour is written: everything else uses them, so that a
// status looks the same on every screen and dark mode changes every colour at once.

// Vitest runs from the project's root.
const CLIENT_DIR = resolve('src/client');
const TOKENS_FILE = join(CLIENT_DIR, 'app/styles/tokens.css');

const COLOUR_LITERAL = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/gi;
// Named colours only count in stylesheets: in components the same words are plain English.
const NAMED_COLOUR =
  /:[^;{}]*\b(?:white|black|red|green|blue|yellow|orange|purple|gray|grey|pink|brown|navy|teal|silver|maroon|gold)\b/gi;

function rawColours(source: string, kind: 'css' | 'tsx'): string[] {
  const code = kind === 'css' ? source.replace(/\/\*[\s\S]*?\*\//g, '') : source;
  const literals = code.match(COLOUR_LITERAL) ?? [];
  const named = kind === 'css' ? (code.match(NAMED_COLOUR) ?? []) : [];
  return [...literals, ...named];
}

function sourceFiles(): string[] {
  return readdirSync(CLIENT_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(css|tsx)$/.test(file) && !/\.test\.tsx$/.test(file))
    .map((file) => join(CLIENT_DIR, file));
}

describe('design tokens', () => {
  it('finds colours written as hex, functions or names, and not token references', () => {
    expect(rawColours('.a { color: #1d4ed8; background: rgb(0 0 0 / 50%); }', 'css')).toEqual([
      '#1d4ed8',
      'rgb(',
    ]);
    expect(rawColours('.a { border: 1px solid red; }', 'css')).toHaveLength(1);
    expect(rawColours('/* the red one */ .a { color: var(--status-failure-fg); }', 'css')).toEqual([]);
    expect(rawColours('<p style={{ color: "#fff" }}>the red one</p>', 'tsx')).toEqual(['#fff']);
  });

  it('are the only place in src/client that writes a colour', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(20);
    const offenders = files
      .filter((file) => file !== TOKENS_FILE)
      .flatMap((file) => {
        const found = rawColours(readFileSync(file, 'utf8'), file.endsWith('.css') ? 'css' : 'tsx');
        return found.map((colour) => `${relative(CLIENT_DIR, file)}: ${colour}`);
      });
    expect(offenders).toEqual([]);
  });

  it('give every status tone a text, background and border colour in light and dark mode', () => {
    const tokens = readFileSync(TOKENS_FILE, 'utf8');
    const [light, dark] = tokens.split('@media (prefers-color-scheme: dark)');
    for (const tone of ['success', 'failure', 'fault', 'warning', 'pending', 'neutral']) {
      for (const part of ['fg', 'bg', 'border']) {
        expect(light, `light --status-${tone}-${part}`).toContain(`--status-${tone}-${part}:`);
        expect(dark, `dark --status-${tone}-${part}`).toContain(`--status-${tone}-${part}:`);
      }
    }
  });
});
