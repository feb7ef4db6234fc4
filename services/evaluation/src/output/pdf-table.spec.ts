import { PDFDocument } from 'pdf-lib';
import { renderTablePdf } from './pdf-table';

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
