import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';
import type { AwardTier } from '@kipp/contracts';
import { fitText } from '../output/pdf-table';
import { toWinAnsi } from '../output/winansi';

export const TIER_TITLES: Record<AwardTier, string> = {
  outstanding: 'Outstanding Public Service Innovation',
  top: 'Top Public Service Innovation',
  'replication-top': 'Top Replication Innovation',
  finalist: 'Finalist',
};

export interface CertificateContent {
  editionName: string;
  year: number;
  tier: AwardTier;
  title: string;
  institutionName: string;
  verificationCode: string;
  verifyUrl: string;
  issuedAt: Date;
}

const PAGE: [number, number] = [841.89, 595.28]; // A4 landscape

/**
 * One page: what is certified, the verification code in clear and as a QR code of the
 * public verification URL. The code is also in the document's keywords so tools (and
 * tests) read it without text extraction.
 */
export async function renderCertificatePdf(content: CertificateContent): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(toWinAnsi(`Certificate ${content.editionName} - ${content.title}`));
  pdf.setSubject(`Verification code ${content.verificationCode}`);
  pdf.setKeywords([content.verificationCode, content.verifyUrl]);
  pdf.setCreator('KIPP evaluation');
  pdf.setCreationDate(content.issuedAt);
  pdf.setModificationDate(content.issuedAt);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage(PAGE);
  const [width, height] = PAGE;
  const centered = (text: string, y: number, size: number, bolded = false) => {
    const f = bolded ? bold : font;
    const fitted = fitText(f, text, size, width - 120);
    page.drawText(fitted, {
      x: (width - f.widthOfTextAtSize(fitted, size)) / 2,
      y,
      size,
      font: f,
      color: rgb(0.1, 0.1, 0.2),
    });
  };
  page.drawRectangle({
    x: 20,
    y: 20,
    width: width - 40,
    height: height - 40,
    borderColor: rgb(0.55, 0.45, 0.1),
    borderWidth: 3,
  });
  centered('PIAGAM PENGHARGAAN / CERTIFICATE OF AWARD', height - 90, 24, true);
  centered(`${content.editionName} (${content.year})`, height - 125, 14);
  centered(TIER_TITLES[content.tier], height - 180, 20, true);
  centered(content.title, height - 230, 16, true);
  centered(content.institutionName, height - 260, 14);

  const qr = await QRCode.toBuffer(content.verifyUrl, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    width: 240,
  });
  const image = await pdf.embedPng(qr);
  page.drawImage(image, { x: width - 60 - 120, y: 50, width: 120, height: 120 });
  page.drawText(`Verification code: ${content.verificationCode}`, {
    x: 60,
    y: 90,
    size: 12,
    font: bold,
  });
  page.drawText(fitText(font, content.verifyUrl, 10, width - 300), {
    x: 60,
    y: 72,
    size: 10,
    font,
  });
  page.drawText(`Issued ${content.issuedAt.toISOString().slice(0, 10)}`, {
    x: 60,
    y: 54,
    size: 10,
    font,
  });
  return pdf.save();
}
