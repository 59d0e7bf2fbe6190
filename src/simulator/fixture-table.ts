import { fileURLToPath } from 'node:url';
import type { SimulatorToken } from '../shared/api-types';

// The fixture table of docs/simulator.md is generated from the scenarios (`npm run docs:fixtures`),
// so it cannot drift from what the simulator answers while scenarios are added.

export const FIXTURE_TABLE_DOC = 'docs/simulator.md';
export const FIXTURE_TABLE_PATH = fileURLToPath(new URL('../../docs/simulator.md', import.meta.url));
const START = '<!-- fixture-table:start';
const END = '<!-- fixture-table:end -->';

export function renderFixtureTable(tokens: readonly SimulatorToken[]): string {
  const rows = tokens.map(
    ({ link_token, scenario, description }) =>
      `| \`${link_token}\` | \`${scenario}\` | ${description.replaceAll('|', '\\|')} |`,
  );
  return ['| Token | Scenario | What it shows |', '|---|---|---|', ...rows].join('\n');
}

// Where the generated table sits: after the start marker's line, up to the end marker.
function tableBounds(markdown: string): { from: number; to: number } {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`${FIXTURE_TABLE_DOC} has lost its "${START} …" / "${END}" markers`);
  }
  return { from: markdown.indexOf('\n', start) + 1, to: end };
}

export function fixtureTableIn(markdown: string): string {
  const { from, to } = tableBounds(markdown);
  return markdown.slice(from, to).trim();
}

export function withFixtureTable(markdown: string, table: string): string {
  const { from, to } = tableBounds(markdown);
  return `${markdown.slice(0, from)}${table}\n${markdown.slice(to)}`;
}

// Two tables are the same when their cells are, however they are padded (Prettier aligns columns).
export function sameTable(a: string, b: string): boolean {
  return normalise(a) === normalise(b);
}

function normalise(table: string): string {
  return table
    .split('\n')
    .map((line) =>
      line
        .trim()
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/^:?-+:?$/, '---'))
        .join('|'),
    )
    .filter((line) => line !== '')
    .join('\n');
}
