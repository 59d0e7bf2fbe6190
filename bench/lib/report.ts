// Each benchmark returns a section of bench/RESULTS.md and the goals it checked.

export type Goal = { name: string; met: boolean; detail: string };

export type Section = { title: string; markdown: string; goals: Goal[] };

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
