import { attachmentDisposition } from './file-download';

describe('attachmentDisposition', () => {
  it('should name a plain file the same way in both parameters', () => {
    expect(attachmentDisposition('evidence.pdf')).toBe(
      `attachment; filename="evidence.pdf"; filename*=UTF-8''evidence.pdf`,
    );
  });

  it('should keep quotes, backslashes and non-ASCII out of the quoted name and exact in filename*', () => {
    const header = attachmentDisposition('Laporan "final" – Dinas\\Kesehatan (1).pdf');
    expect(header).toBe(
      `attachment; filename="Laporan _final_ _ Dinas_Kesehatan (1).pdf"; ` +
        `filename*=UTF-8''Laporan%20%22final%22%20%E2%80%93%20Dinas%5CKesehatan%20%281%29.pdf`,
    );
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('Laporan "final" – Dinas\\Kesehatan (1).pdf');
  });

  it('should never let a line break into the header', () => {
    expect(attachmentDisposition('a\r\nSet-Cookie: x=1.pdf')).not.toMatch(/[\r\n]/);
  });
});
