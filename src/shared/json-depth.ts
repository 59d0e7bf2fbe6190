// How deep a JSON value may nest. Plaid's answers nest under ten levels (link_sessions → results →
// item_add_results → accounts → …); an answer nested far deeper is hostile or broken, and code that
// walks JSON recursively (rendering it, above all) runs out of stack on it. The server refuses
// deeper answers (UPSTREAM_BAD_RESPONSE) and the generic key/value view stops at this depth.
export const MAX_JSON_DEPTH = 64;

// Where cutJsonDepth() cut a value off: the start of the rest as JSON text.
export class TruncatedJson {
  constructor(readonly text: string) {}
}

const PREVIEW_CHARS = 200;

// Whether a value nests deeper than maxDepth (a string or number has depth 0, [1] depth 1). Never
// descends further than maxDepth, so it is safe on any value and cheap on a shallow one.
export function exceedsJsonDepth(value: unknown, maxDepth: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (maxDepth === 0) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (exceedsJsonDepth(item, maxDepth - 1)) return true;
    return false;
  }
  for (const key in value) {
    if (exceedsJsonDepth((value as Record<string, unknown>)[key], maxDepth - 1)) return true;
  }
  return false;
}

// The value itself when it nests no deeper than maxDepth; otherwise a copy in which every object
// or array at that depth is replaced by a TruncatedJson holding the start of its JSON text.
export function cutJsonDepth(value: unknown, maxDepth: number): unknown {
  if (!exceedsJsonDepth(value, maxDepth)) return value;
  if (typeof value !== 'object' || value === null) return value;
  if (maxDepth === 0) return new TruncatedJson(jsonPreview(value, PREVIEW_CHARS));
  if (Array.isArray(value)) return value.map((item) => cutJsonDepth(item, maxDepth - 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, cutJsonDepth(item, maxDepth - 1)]),
  );
}

// JSON punctuation waiting to be written, told apart from the values around it.
class Punctuation {
  constructor(readonly text: string) {}
}

// The first maxChars characters of a value's JSON text (then "…"). Written with a stack of its own
// rather than JSON.stringify(), which recurses and so throws on a value nested deep enough.
export function jsonPreview(value: unknown, maxChars: number): string {
  let text = '';
  // What is still to be written, the next item last.
  const pending: unknown[] = [value];
  while (pending.length > 0 && text.length <= maxChars) {
    const next = pending.pop();
    if (next instanceof Punctuation) {
      text += next.text;
    } else if (typeof next !== 'object' || next === null) {
      text += JSON.stringify(next) ?? 'null';
    } else {
      const isArray = Array.isArray(next);
      const entries = Object.entries(next);
      pending.push(new Punctuation(isArray ? ']' : '}'));
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        pending.push(item);
        if (!isArray) pending.push(new Punctuation(`${JSON.stringify(key)}:`));
        if (i > 0) pending.push(new Punctuation(','));
      }
      pending.push(new Punctuation(isArray ? '[' : '{'));
    }
  }
  return pending.length > 0 || text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}
