import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';

/** Builds a real PDF: one entry per page, each a list of lines (an empty list: a page without text). */
export const buildPdf = async (pages: string[][], { image = false } = {}) => {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([612, 792]);
    if (lines.length === 0 && image) {
      // What a scanned page looks like to a text extractor: marks, no text.
      page.drawRectangle({ x: 72, y: 300, width: 468, height: 400, color: rgb(0.2, 0.2, 0.2) });
    }
    lines.forEach((line, index) => {
      page.drawText(line, { x: 72, y: 720 - index * 16, size: 11, font });
    });
  }
  return Buffer.from(await pdf.save());
};
