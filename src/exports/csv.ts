// CSV as spreadsheets open it: RFC 4180 (CRLF rows, fields quoted when they hold a comma, quote,
// CR or LF, quotes doubled), UTF-8 with a byte-order mark so Excel reads it as UTF-8, and cells a
// spreadsheet would run as a formula made text (OWASP "CSV injection").

export const CSV_BOM = '\uFEFF';

export type CsvCell = string | number | boolean | null | undefined;

// A leading = + - @ makes a formula; TAB and CR are stripped by some readers, exposing what follows.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: strings starting like a formula get a leading apostrophe; numbers and booleans as written. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The flags stated (true), `;`-separated in the order the facts have them: one cell of the filings' and the incidents' CSV. */
export const flagNames = (flags: Record<string, boolean> | null): string | null => (flags ? Object.keys(flags).filter((name) => flags[name]).join(';') : null);

export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * A JSON line that stays inert if it is ever pasted into HTML: `<`, `>`, `&` and the JavaScript
 * line separators are written as \u escapes (the same JSON value).
 */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
