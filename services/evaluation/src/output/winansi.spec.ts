import { StandardFonts, PDFDocument } from 'pdf-lib';
import { toWinAnsi } from './winansi';

describe('toWinAnsi', () => {
  it('should keep Latin-1 letters and typographic quotes when WinAnsi has them', () => {
    expect(toWinAnsi('Café “Sehat” – Dinas')).toBe('Café “Sehat” – Dinas');
  });

  it('should fold accents and replace the rest when WinAnsi lacks them', () => {
    expect(toWinAnsi('Phở ā 漢 🚀')).toBe('Pho a ? ?');
  });

  it('should turn line breaks and tabs into spaces', () => {
    expect(toWinAnsi('a\nb\tc')).toBe('a b c');
  });

  it('should give text a standard font can encode when the input is arbitrary', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    expect(() => font.encodeText(toWinAnsi('Kota Bāubau ✓ ğ ı ł 𝔘'))).not.toThrow();
  });
});
