import { CsvSyntaxError, parseCsv } from './csv';

describe('parseCsv', () => {
  it('should read quoted cells with commas, escaped quotes and line breaks, numbering rows by line', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n\n"multi\nline",z\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 4, cells: ['multi\nline', 'z'] },
    ]);
  });

  it('should ignore a byte-order mark and keep empty cells', () => {
    expect(parseCsv('\uFEFFcode,name,\nA,,')).toEqual([
      { line: 1, cells: ['code', 'name', ''] },
      { line: 2, cells: ['A', '', ''] },
    ]);
  });

  it('should reject an unclosed quote with its line when the file is cut short', () => {
    expect(() => parseCsv('a\n"open,b')).toThrow(CsvSyntaxError);
  });
});
