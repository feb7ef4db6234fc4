import { csvCell, csvLine, toCsv } from './csv';

describe('csv', () => {
  it('should quote a cell when it holds a comma, a quote or a line break', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('should prefix an apostrophe when a text cell starts like a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+62 811')).toBe("'+62 811");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
  });

  it('should write numbers as they are when the export itself wrote them', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });

  it('should write one record with its line end for a streamed export', () => {
    expect(csvLine(['a,b', 7, true, null])).toBe('"a,b",7,true,\r\n');
  });

  it('should end every record with CRLF when rendering a table', () => {
    expect(toCsv(['a', 'b'], [['1', 2]])).toBe('a,b\r\n1,2\r\n');
  });
});
