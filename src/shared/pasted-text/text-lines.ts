// The lines of a pasted text with where each starts and ends, so that whatever is found in the text
// (a token, a JSON value) can be told back by line number. Shared by every reader of pasted text.

export type TextLine = {
  // 1-based, as an editor counts.
  number: number;
  // Offsets into the text: `start` inclusive, `end` exclusive, the line break left out.
  start: number;
  end: number;
  text: string;
};

const LINE_BREAK = /\r\n|\r|\n/g;

export function textLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    lines.push({ number: lines.length + 1, start, end: match.index, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  lines.push({ number: lines.length + 1, start, end: text.length, text: text.slice(start) });
  return lines;
}

// The line holding a given offset (lines in order, as textLines gives them).
export function lineAt(lines: readonly TextLine[], offset: number): TextLine {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (lines[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  return lines[low]!;
}

// Long lines are mostly noise: a list of lines shows the start of each.
const SNIPPET_LENGTH = 80;

export function snippetOf(line: string): string {
  const trimmed = line.trim();
  return trimmed.length > SNIPPET_LENGTH ? `${trimmed.slice(0, SNIPPET_LENGTH - 1)}…` : trimmed;
}
