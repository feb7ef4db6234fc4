import { PDFDocument } from 'pdf-lib';
import { renderCertificatePdf } from './certificate-pdf';

describe('renderCertificatePdf', () => {
  it('should render a one-page PDF carrying the code when names hold characters WinAnsi lacks', async () => {
    const bytes = await renderCertificatePdf({
      editionName: 'KIPP 2027',
      year: 2027,
      tier: 'outstanding',
      title: 'Layanan “Sehat” ā 漢 — Kota Bāubau',
      institutionName: 'Pemerintah Kota Baubau',
      verificationCode: 'ABCDEFGHJKLM',
      verifyUrl: 'https://kipp.example/verify/ABCDEFGHJKLM',
      issuedAt: new Date('2027-07-20T03:00:00.000Z'),
    });
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const parsed = await PDFDocument.load(bytes);
    expect(parsed.getPageCount()).toBe(1);
    expect(parsed.getKeywords()).toContain('ABCDEFGHJKLM');
    expect(parsed.getSubject()).toBe('Verification code ABCDEFGHJKLM');
  });
});
