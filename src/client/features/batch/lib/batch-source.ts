import { LINK_TOKEN } from '../../../../shared/extract-tokens';
import { maskSecrets } from '../../../../shared/pasted-text/mask-secrets';
import { csvRecords } from './csv-records';

// What a batch keeps of the pasted text besides its tokens, so the exports can say whom each token
// belongs to and how often it came: when the paste was a CSV with a header, its own columns (a user
// id, a created date) for each token, and for every paste how many times each token appeared.
// Plain data (records, not maps), so it goes into sessionStorage as it is (batch-session.ts); so
// nothing secret is kept: a column named like a secret is left out, and other Plaid tokens and
// secrets in the values are masked, as in pasted logs.
export type BatchSource = {
  // The CSV's header, the token's own column left out; empty when the paste was not such a CSV.
  columns: string[];
  // By token (lower-cased, as extracted): its line's values under `columns`. A token on several
  // lines keeps its first line's values.
  values: Record<string, string[]>;
  // By token: how many times the paste held it (a token pasted 12 times is one row, counted 12).
  occurrences: Record<string, number>;
};

// Not global (LINK_TOKEN is): test() then keeps no position between calls.
const ANY_TOKEN = new RegExp(LINK_TOKEN.source, 'i');
const WHOLE_TOKEN = new RegExp(`^${LINK_TOKEN.source}$`, 'i');
const SECRET_COLUMN = /secret|password|api_?key|authorization/i;

export const NO_SOURCE: BatchSource = { columns: [], values: {}, occurrences: {} };

export function readBatchSource(text: string, tokens: readonly string[]): BatchSource {
  const wanted = new Set(tokens);
  const occurrences: Record<string, number> = {};
  for (const match of text.match(LINK_TOKEN) ?? []) {
    const token = match.toLowerCase();
    if (wanted.has(token)) occurrences[token] = (occurrences[token] ?? 0) + 1;
  }
  return { ...sourceColumns(text, wanted), occurrences };
}

// The CSV's columns, if the text is a CSV with a header: a first record of two fields or more and
// no token, and a column whose values are tokens (the one holding the most; lines of another width,
// such as junk pasted along, are skipped).
function sourceColumns(text: string, wanted: ReadonlySet<string>): Pick<BatchSource, 'columns' | 'values'> {
  const none = { columns: [], values: {} };
  const records = csvRecords(text).filter((record) => record.some((field) => field.trim() !== ''));
  const [header, ...lines] = records;
  if (!header || header.length < 2 || header.some((field) => ANY_TOKEN.test(field))) return none;
  const rows = lines.filter((record) => record.length === header.length);

  const tokenCounts = header.map(
    (_, column) => rows.filter((record) => WHOLE_TOKEN.test(record[column]!.trim())).length,
  );
  const best = Math.max(...tokenCounts);
  if (best === 0) return none;
  const tokenColumn = tokenCounts.indexOf(best);

  const keep = (record: string[]) =>
    record.filter((_, column) => column !== tokenColumn && !SECRET_COLUMN.test(header[column]!));
  const values: Record<string, string[]> = {};
  for (const record of rows) {
    const token = record[tokenColumn]!.trim().toLowerCase();
    if (wanted.has(token) && !(token in values))
      values[token] = keep(record).map((field) => maskSecrets(field.trim()).text);
  }
  return { columns: keep(header).map((field) => field.trim()), values };
}

// The exports' columns for the source, after the batch's own: the occurrence count, then the CSV's
// columns prefixed "source_", so that a pasted column named like one of ours ("verdict") stays apart.
export function sourceHeaders(source: BatchSource): string[] {
  return ['occurrences', ...source.columns.map((column) => `source_${column}`)];
}

export function sourceCells(source: BatchSource, token: string): (string | number | null)[] {
  const values = source.values[token];
  return [source.occurrences[token] ?? null, ...source.columns.map((_, index) => values?.[index] ?? null)];
}

// The JSON export's: the CSV's columns under their own names (null when the token had no line).
export function sourceObject(source: BatchSource, token: string): Record<string, string> | null {
  const values = source.values[token];
  return values ? Object.fromEntries(source.columns.map((column, index) => [column, values[index]!])) : null;
}
