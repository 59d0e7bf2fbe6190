// A support ticket's text as data, written out as plain text or as Markdown: the content is built
// once and both forms say the same.

export type TicketFormat = 'text' | 'markdown';

export interface TicketRow {
  // "Next step"; without a label the row is a list item.
  label?: string;
  value: string;
  // code: an identifier (backticks in Markdown); url: a link.
  style?: 'text' | 'code' | 'url';
  // Rows of a list item that belong to the one above it.
  nested?: boolean;
}

export interface TicketSection {
  heading: string | null;
  rows: TicketRow[];
}

// Line breaks, tabs, the rest of C0 and C1, and the invisible marks that reorder text (bidi
// embeddings, overrides and isolates). In a value from Plaid (an error message, an institution
// name) a blank line would end a Markdown span or paragraph and let the rest become a link or an
// image; in plain text a line break can fake a row of its own. Each run of them becomes one space.
const CONTROL_RUN = /[\p{Cc}\p{Bidi_Control}\p{Zl}\p{Zp}]+/gu;

function oneLine(text: string): string {
  return text.replace(CONTROL_RUN, ' ');
}

// Markdown characters that could turn a value (an error message, a client name) into emphasis, a
// link or HTML.
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, (character) => `\\${character}`);
}

// CommonMark: a code span ends at the first backtick run as long as its fence, so the fence is one
// longer than any run in the value; a value that starts or ends with a backtick or a space gets one
// space of padding each side, which the reader strips again.
function codeSpan(value: string): string {
  const longest = (value.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(value) && value.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

function markdownValue(row: TicketRow): string {
  switch (row.style) {
    case 'code':
      return codeSpan(row.value);
    case 'url':
      return `<${row.value.replace(/[\s<>]/g, encodeURIComponent)}>`;
    default:
      return escapeMarkdown(row.value);
  }
}

function textRow(row: TicketRow): string {
  const indent = row.nested ? '  ' : '';
  return row.label ? `${indent}${row.label}: ${row.value}` : `${indent}- ${row.value}`;
}

function markdownRow(row: TicketRow): string {
  const indent = row.nested ? '  ' : '';
  return row.label
    ? `${indent}- **${escapeMarkdown(row.label)}:** ${markdownValue(row)}`
    : `${indent}- ${markdownValue(row)}`;
}

// Every label, value and heading is made one line first, whatever its style and format.
export function renderTicket(sections: readonly TicketSection[], format: TicketFormat): string {
  const blocks = sections
    .filter((section) => section.rows.length > 0)
    .map((section) => {
      const rows = section.rows
        .map((row) => ({ ...row, label: row.label && oneLine(row.label), value: oneLine(row.value) }))
        .map(format === 'markdown' ? markdownRow : textRow);
      if (!section.heading) return rows;
      const heading = oneLine(section.heading);
      return [format === 'markdown' ? `### ${escapeMarkdown(heading)}` : heading, ...rows];
    });
  return blocks.map((lines) => lines.join('\n')).join('\n\n');
}
