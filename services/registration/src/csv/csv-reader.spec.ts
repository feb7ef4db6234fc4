import { CsvSyntaxError, parseCsv } from './csv-reader';

/** The error `parseCsv` throws for `text`, or undefined when it reads the text. */
function syntaxErrorOf(text: string): unknown {
  try {
    parseCsv(text);
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('parseCsv', () => {
  it('should read quoted cells with commas, escaped quotes and line breaks, numbering rows by line', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n\n"multi\nline",z\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 4, cells: ['multi\nline', 'z'] },
    ]);
  });

  it('should number the record after a quoted line break by the line it starts on', () => {
    expect(parseCsv('"multi\nline",z\nnext,row')).toEqual([
      { line: 1, cells: ['multi\nline', 'z'] },
      { line: 3, cells: ['next', 'row'] },
    ]);
  });

  it('should skip blank lines and a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,b\n\n1,2')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', '2'] },
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
    const error = syntaxErrorOf('a,"b\n1,2');
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ line: 1 });
  });

  it('should reject a quote inside an unquoted cell with its line', () => {
    const error = syntaxErrorOf('a,b\nO"Brien,c');
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ line: 2 });
  });
});
