import { csvCell, csvLine } from './csv';

describe('csv', () => {
  it('should quote commas, quotes and line breaks and double the quotes', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', 7, null])).toBe(
      '"a,b","say ""hi""","two\nlines",7,\r\n',
    );
  });

  it('should neutralise a cell a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});
