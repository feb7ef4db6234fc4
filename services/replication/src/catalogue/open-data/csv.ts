/**
 * CSV per RFC 4180: CRLF line ends, a field quoted when it holds a comma, a quote or a line
 * break, quotes doubled; UTF-8 without a BOM. A text cell starting with `=`, `+`, `-`, `@`,
 * tab or CR gets a leading apostrophe so a spreadsheet never runs it as a formula.
 */
export type CsvCell = string | number | null;

const FORMULA_TRIGGERS = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const neutralised = FORMULA_TRIGGERS.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(neutralised) ? `"${neutralised.replace(/"/g, '""')}"` : neutralised;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
