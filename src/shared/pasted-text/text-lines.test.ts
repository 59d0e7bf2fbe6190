import { describe, expect, it } from 'vitest';
import { lineAt, snippetOf, textLines } from './text-lines';

describe('textLines', () => {
  it('numbers lines from 1 with their offsets, whatever the line breaks', () => {
    const text = 'a\r\nbb\rc\n\nd';
    const lines = textLines(text);
    expect(lines.map((line) => [line.number, line.text])).toEqual([
      [1, 'a'],
      [2, 'bb'],
      [3, 'c'],
      [4, ''],
      [5, 'd'],
    ]);
    expect(text.slice(lines[1]!.start, lines[1]!.end)).toBe('bb');
  });

  it('finds the line holding an offset', () => {
    const text = 'first\nsecond\nthird';
    const lines = textLines(text);
    expect(lineAt(lines, 0).number).toBe(1);
    expect(lineAt(lines, text.indexOf('second') + 3).number).toBe(2);
    expect(lineAt(lines, text.length - 1).number).toBe(3);
  });

  it('shortens long lines to a snippet', () => {
    expect(snippetOf(`  ${'x'.repeat(300)}`)).toHaveLength(80);
    expect(snippetOf('  short  ')).toBe('short');
  });
});
