import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { renderTablePdf, wrapText } from './pdf-table';

async function helvetica(): Promise<PDFFont> {
  const pdf = await PDFDocument.create();
  return pdf.embedFont(StandardFonts.Helvetica);
}

describe('wrapText', () => {
  const title =
    'Layanan Terpadu Satu Pintu Berbasis Elektronik untuk Percepatan Perizinan Usaha Mikro Kecil dan Menengah di Kota Bandung';

  it('should keep every word on lines that fit the column when the text is wider than it', async () => {
    const font = await helvetica();
    const lines = wrapText(font, title, 9, 120);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 9)).toBeLessThanOrEqual(120);
    expect(lines.join(' ')).toBe(title);
  });

  it('should leave the text on one line when it fits', async () => {
    const font = await helvetica();
    expect(wrapText(font, 'Posyandu Digital', 9, 120)).toEqual(['Posyandu Digital']);
    expect(wrapText(font, '', 9, 120)).toEqual(['']);
  });

  it('should break inside a word when the word alone is wider than the column', async () => {
    const font = await helvetica();
    const word = 'Pemerintahkabupatenbandungbaratdayaselatan';
    const lines = wrapText(font, word, 9, 50);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(word);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 9)).toBeLessThanOrEqual(50);
  });

  it('should still make progress when the column is narrower than one character', async () => {
    const font = await helvetica();
    expect(wrapText(font, 'WW', 9, 1)).toEqual(['W', 'W']);
  });
});

describe('renderTablePdf', () => {
  it('should flow over several pages when the rows do not fit on one', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [
      String(i + 1),
      `Inovasi ${i} – Kota Bāubau 漢`,
    ]);
    const bytes = await renderTablePdf({
      title: 'Lampiran',
      subtitle: 'KIPP 2027',
      columns: [
        { header: 'Rank', width: 1 },
        { header: 'Title', width: 6 },
      ],
      sections: [{ heading: 'Top', rows }],
      keywords: ['annex'],
    });
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const parsed = await PDFDocument.load(bytes);
    expect(parsed.getPageCount()).toBeGreaterThan(1);
    expect(parsed.getKeywords()).toBe('annex');
  });
});
