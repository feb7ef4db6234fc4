import { uploadFilename } from './store-uploads';

describe('uploadFilename', () => {
  it('should keep only the last path segment of a hostile name', () => {
    expect(uploadFilename('C:\\Users\\x\\bukti "asli".pdf')).toBe('bukti "asli".pdf');
    expect(uploadFilename('../../etc/passwd')).toBe('passwd');
  });

  it('should keep an Indonesian name as it is and drop control characters', () => {
    expect(uploadFilename('Surat Keputusan – Bupati.pdf')).toBe('Surat Keputusan – Bupati.pdf');
    expect(uploadFilename('a\r\nb.pdf')).toBe('ab.pdf');
  });

  it('should fall back to a name when nothing is left', () => {
    expect(uploadFilename('\u0000')).toBe('evidence');
    expect(uploadFilename('')).toBe('evidence');
    expect(uploadFilename('x'.repeat(300))).toHaveLength(200);
  });
});
