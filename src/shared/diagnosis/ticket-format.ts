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

// Markdown characters that could turn a value (an error message, a client name) into emphasis, a
// link or HTML.
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, (character) => `\\${character}`);
}

function markdownValue(row: TicketRow): string {
  switch (row.style) {
    case 'code':
      return `\`${row.value.replaceAll('`', "'")}\``;
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

export function renderTicket(sections: readonly TicketSection[], format: TicketFormat): string {
  const blocks = sections
    .filter((section) => section.rows.length > 0)
    .map((section) => {
      const rows = section.rows.map(format === 'markdown' ? markdownRow : textRow);
      if (!section.heading) return rows;
      return [format === 'markdown' ? `### ${escapeMarkdown(section.heading)}` : section.heading, ...rows];
    });
  return blocks.map((lines) => lines.join('\n')).join('\n\n');
}
