import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../json-depth';

// Finds the JSON objects and arrays inside pasted text: log lines with a timestamp and a label
// before the JSON, a pretty-printed webhook body over many lines, several values on one line.
// Anything between them is left to the caller, who can say which lines held none.

export type JsonSpan = {
  // Offsets into the text: `start` at the opening bracket, `end` just past the closing one.
  start: number;
  end: number;
  value: unknown;
};

// Where the value opened at `start` closes, counting brackets outside strings; -1 when it does not
// close before the end of the text. Bracket kinds are not matched here: JSON.parse checks them.
function closingIndex(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '{' || char === '[') {
      depth += 1;
    } else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

function parsed(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

// Every top-level JSON object or array in the text, in order. A bracket that opens no valid JSON
// ("[INFO]", "{user}") is read as text and the search goes on after it; one that never closes is
// given up at the end of its line, so a stray brace cannot hide the lines after it.
export function findJsonValues(text: string): JsonSpan[] {
  const spans: JsonSpan[] = [];
  const opening = /[{[]/g;
  for (let match = opening.exec(text); match !== null; match = opening.exec(text)) {
    const start = match.index;
    const close = closingIndex(text, start);
    if (close === -1) {
      const lineEnd = text.slice(start).search(/[\r\n]/);
      if (lineEnd === -1) break;
      opening.lastIndex = start + lineEnd;
      continue;
    }
    const result = parsed(text.slice(start, close + 1));
    if (result.ok) {
      // A value nested past the limit is skipped whole: no reader of pasted text walks it.
      if (!exceedsJsonDepth(result.value, MAX_JSON_DEPTH))
        spans.push({ start, end: close + 1, value: result.value });
      opening.lastIndex = close + 1;
    } else {
      opening.lastIndex = start + 1;
    }
  }
  return spans;
}
