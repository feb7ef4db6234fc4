/** One record of a CSV text: its 1-based line number (as a spreadsheet shows it) and cells. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parses RFC 4180 CSV (comma separated, `"` quoting with `""` escapes, CRLF or LF line
 * ends, a leading byte-order mark tolerated). Blank lines are skipped. Small on purpose:
 * imports are at most a few thousand rows, and a dependency for this is not worth it.
 */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let cellWasQuoted = false;

  const endRecord = (): void => {
    cells.push(cell);
    const blank = cells.length === 1 && cells[0] === '' && !cellWasQuoted;
    if (!blank) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    cellWasQuoted = false;
  };

  for (let i = 0; i < input.length; i++) {
    const char = input.charAt(i);
    if (quoted) {
      if (char === '"' && input.charAt(i + 1) === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell === '') {
      quoted = true;
      cellWasQuoted = true;
    } else if (char === '"') {
      throw new CsvSyntaxError(line, 'a quote inside an unquoted cell');
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
      cellWasQuoted = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input.charAt(i + 1) === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += char;
    }
  }
  if (quoted) throw new CsvSyntaxError(recordLine, 'a quoted cell is not closed');
  if (cell !== '' || cells.length > 0 || cellWasQuoted) endRecord();
  return records;
}
