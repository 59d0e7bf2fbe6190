import { extractTokens } from '../extract-tokens';
import { findJsonValues, type JsonSpan } from '../pasted-text/json-values';
import { lineAt, snippetOf, textLines, type TextLine } from '../pasted-text/text-lines';
import { readEntry, type LogRecord, type ReadEntry } from './log-records';
import { maskSecrets } from '../pasted-text/mask-secrets';

// Reads pasted Link client logs: every line is either used (it holds, or is part of, a Link
// callback or webhook entry) or listed as unread with the reason; blank lines aside, none is
// dropped silently. Secrets are masked before anything is read, so nothing read can show them.

export type UsedEntry = {
  firstLine: number;
  lastLine: number;
  // "web SDK onEvent", "LINK EVENTS webhook", …
  shape: string;
  record: LogRecord;
};

export type UnreadLines = { firstLine: number; lastLine: number; snippet: string; reason: string };

export type ClientLogs = {
  used: UsedEntry[];
  unread: UnreadLines[];
  // Link tokens anywhere in the paste (webhook bodies carry theirs), in order of appearance.
  linkTokens: string[];
  // How many public tokens, access tokens and secrets were masked.
  maskedCount: number;
};

const NO_JSON = 'no JSON on this line';

// An array on its own is either a callback's arguments as the app logged them
// (["TRANSITION_VIEW", {…}], [null, {…}]) or a list of entries.
function isArgumentList(values: readonly unknown[]): boolean {
  if (values.length < 2 || values.length > 3) return false;
  const first = values[0];
  const last = values.at(-1);
  return (
    (typeof first === 'string' || first === null || values.length === 2) &&
    typeof last === 'object' &&
    last !== null &&
    !Array.isArray(last) &&
    !('metadata' in last) &&
    !('webhook_type' in last)
  );
}

type Group = { line: TextLine; spans: JsonSpan[] };

// JSON values that start on the same line belong together: "onExit {error} {metadata}".
function groupByLine(lines: readonly TextLine[], spans: readonly JsonSpan[]): Group[] {
  const groups: Group[] = [];
  for (const span of spans) {
    const line = lineAt(lines, span.start);
    const last = groups.at(-1);
    if (last && last.line === line) last.spans.push(span);
    else groups.push({ line, spans: [span] });
  }
  return groups;
}

function entriesOf(group: Group, text: string): { values: unknown[]; label: string }[] {
  const label = text.slice(group.line.start, group.spans[0]!.start);
  const values = group.spans.map((span) => span.value);
  const [only] = values;
  if (values.length === 1 && Array.isArray(only) && !isArgumentList(only)) {
    return only.map((item: unknown) => ({ values: [item], label: '' }));
  }
  return [{ values: values.length === 1 && Array.isArray(only) ? only : values, label }];
}

export function readClientLogs(pasted: string): ClientLogs {
  const { text, maskedCount } = maskSecrets(pasted);
  const lines = textLines(text);
  const covered = new Set<number>();
  const used: UsedEntry[] = [];
  const unread: UnreadLines[] = [];

  for (const group of groupByLine(lines, findJsonValues(text))) {
    const firstLine = group.line.number;
    const lastLine = lineAt(lines, group.spans.at(-1)!.end - 1).number;
    for (let number = firstLine; number <= lastLine; number += 1) covered.add(number);
    const reads: ReadEntry[] = entriesOf(group, text).map((entry, index) =>
      readEntry(entry.values, { label: entry.label, eventIdPrefix: `pasted-${firstLine}-${index}` }),
    );
    for (const read of reads) {
      if (read.ok) used.push({ firstLine, lastLine, shape: read.shape, record: read.record });
    }
    const failure = reads.find((read) => !read.ok);
    if (failure && !failure.ok) {
      unread.push({ firstLine, lastLine, snippet: snippetOf(group.line.text), reason: failure.reason });
    }
  }
  for (const line of lines) {
    if (!covered.has(line.number) && line.text.trim() !== '') {
      unread.push({
        firstLine: line.number,
        lastLine: line.number,
        snippet: snippetOf(line.text),
        reason: NO_JSON,
      });
    }
  }
  unread.sort((a, b) => a.firstLine - b.firstLine);
  return { used, unread, linkTokens: extractTokens(text).tokens, maskedCount };
}
