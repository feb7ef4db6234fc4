/**
 * CSV as RFC 4180 describes it (CRLF line ends, a field quoted when it holds a comma, a quote
 * or a line break, quotes doubled), UTF-8 without a BOM. Spreadsheets execute a cell that
 * starts with `=`, `+`, `-` or `@` (and tab/CR) as a formula, so such cells get a leading
 * apostrophe: an exported title can never run code on the reader's machine.
 */
export type CsvCell = string | number | boolean | null;

const FORMULA_TRIGGERS = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  // Numbers and booleans the export writes itself (ranks, years) are data, never formulas.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const neutralised = FORMULA_TRIGGERS.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(neutralised) ? `"${neutralised.replace(/"/g, '""')}"` : neutralised;
}

/** One record with its line end, for exports streamed a row at a time. */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map(csvLine).join('');
}
