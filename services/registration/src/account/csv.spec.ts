import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('should read quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n"multi\nline",z\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['multi\nline', 'z'],
    ]);
  });

  it('should skip blank lines and a byte order mark', () => {
    expect(parseCsv('\uFEFFa,b\n\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('should refuse a quote left open', () => {
    expect(parseCsv('a,"b\n1,2')).toBeNull();
  });
});
