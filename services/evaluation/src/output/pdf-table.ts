import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { toWinAnsi } from './winansi';

export interface PdfColumn {
  header: string;
  /** Share of the usable page width. */
  width: number;
}

export interface PdfSection {
  heading: string;
  rows: string[][];
}

const PAGE: [number, number] = [841.89, 595.28]; // A4 landscape
const MARGIN = 40;
const FONT_SIZE = 9;
const LINE = 14;

/** Cuts text to what fits in `width` points, with an ellipsis when cut. */
export function fitText(font: PDFFont, text: string, size: number, width: number): string {
  const safe = toWinAnsi(text);
  if (font.widthOfTextAtSize(safe, size) <= width) return safe;
  let cut = safe;
  while (cut.length > 0 && font.widthOfTextAtSize(`${cut}...`, size) > width) {
    cut = cut.slice(0, -1);
  }
  return `${cut}...`;
}

/**
 * Breaks text into lines that each fit in `width` points, at spaces where it can and inside
 * a word only when the word alone is wider than the column. Never cuts anything off.
 */
export function wrapText(font: PDFFont, text: string, size: number, width: number): string[] {
  const fits = (value: string) => font.widthOfTextAtSize(value, size) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of toWinAnsi(text)
    .split(/\s+/)
    .filter((w) => w.length > 0)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    let rest = word;
    // A single character always goes on a line, even in a column narrower than it.
    while (rest.length > 1 && !fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * A titled table in sections (e.g. one per award tier) that flows over as many pages as it
 * needs, repeating the column headers on every page. A long cell wraps onto further lines
 * within its column (the row grows); a row never splits across pages. Standard fonts only,
 * so every text is folded to WinAnsi.
 */
export async function renderTablePdf(options: {
  title: string;
  subtitle: string;
  columns: readonly PdfColumn[];
  sections: readonly PdfSection[];
  keywords?: string[];
}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(toWinAnsi(options.title));
  pdf.setSubject(toWinAnsi(options.subtitle));
  if (options.keywords) pdf.setKeywords(options.keywords.map(toWinAnsi));
  pdf.setCreator('KIPP evaluation');
  // Fixed dates keep the same input rendering the same bytes.
  pdf.setCreationDate(new Date(0));
  pdf.setModificationDate(new Date(0));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const usable = PAGE[0] - 2 * MARGIN;
  const totalShare = options.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = options.columns.map((column) => (column.width / totalShare) * usable);

  let page: PDFPage = pdf.addPage(PAGE);
  let y = PAGE[1] - MARGIN;
  const text = (value: string, x: number, f: PDFFont, size: number) => {
    page.drawText(value, { x, y, size, font: f, color: rgb(0, 0, 0) });
  };
  const newPage = () => {
    page = pdf.addPage(PAGE);
    y = PAGE[1] - MARGIN;
  };
  const headerRow = () => {
    let x = MARGIN;
    options.columns.forEach((column, index) => {
      const width = widths[index] ?? 0;
      text(fitText(bold, column.header, FONT_SIZE, width - 4), x, bold, FONT_SIZE);
      x += width;
    });
    y -= LINE;
  };

  text(fitText(bold, options.title, 16, usable), MARGIN, bold, 16);
  y -= 22;
  text(fitText(font, options.subtitle, 11, usable), MARGIN, font, 11);
  y -= 24;

  for (const section of options.sections) {
    if (y < MARGIN + 3 * LINE) newPage();
    text(fitText(bold, section.heading, 12, usable), MARGIN, bold, 12);
    y -= LINE + 2;
    headerRow();
    if (section.rows.length === 0) {
      text('-', MARGIN, font, FONT_SIZE);
      y -= LINE;
    }
    for (const row of section.rows) {
      const cells = row.map((cell, index) =>
        wrapText(font, cell, FONT_SIZE, (widths[index] ?? 0) - 4),
      );
      const height = Math.max(1, ...cells.map((lines) => lines.length));
      if (y - (height - 1) * LINE < MARGIN) {
        newPage();
        headerRow();
      }
      const top = y;
      let x = MARGIN;
      cells.forEach((lines, index) => {
        y = top;
        for (const line of lines) {
          text(line, x, font, FONT_SIZE);
          y -= LINE;
        }
        x += widths[index] ?? 0;
      });
      y = top - height * LINE;
    }
    y -= LINE;
  }
  return pdf.save();
}
