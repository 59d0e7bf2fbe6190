// CSV for the exports (batch's in the browser, History's on the server): RFC 4180 cells and lines.

// Spreadsheets run a cell that starts with one of these as a formula; a leading apostrophe keeps
// text such as an error message from doing so (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// CRLF line ends, the header line first.
export function csvLines(lines: readonly (readonly (string | number | null)[])[]): string {
  return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
