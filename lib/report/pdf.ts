import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { ReportDocument } from './document';

/**
 * A Unicode font for names like "Yılmaz" (the PDF standard fonts only know
 * Western European letters). DejaVu Sans where the system has it; otherwise
 * Helvetica, with letters it cannot show reduced to their base letter.
 */
const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF'];
type Fonts = { regular: string | Buffer; bold: string | Buffer; unicode: boolean };
let cached: Fonts | null = null;
/** Read once per process: the files are large, and every report needs them. */
function fonts(): Fonts {
  if (cached) return cached;
  for (const dir of FONT_DIRS) {
    const regular = `${dir}/DejaVuSans.ttf`;
    const bold = `${dir}/DejaVuSans-Bold.ttf`;
    if (existsSync(regular) && existsSync(bold))
      return (cached = { regular: readFileSync(regular), bold: readFileSync(bold), unicode: true });
  }
  return (cached = { regular: 'Helvetica', bold: 'Helvetica-Bold', unicode: false });
}

// WinAnsi (the standard fonts' encoding): Latin-1 plus a few typographic signs.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const inWinAnsi = (ch: string) => ch.charCodeAt(0) < 256 || WIN_ANSI_EXTRA.has(ch);
const latin = (s: string) =>
  [...s]
    .map((ch) => (inWinAnsi(ch) ? ch : [...ch.normalize('NFKD')].filter((c) => c.charCodeAt(0) < 256).join('') || '?'))
    .join('');

/**
 * The report as a PDF, made on the server with pdfkit: A4, the title, each
 * section with its paragraphs and tables (numbers right-aligned, a new page
 * when a table runs over, the header repeated). Text is real text, so it can
 * be searched, copied and read aloud.
 */
export async function reportPdf(doc: ReportDocument, lang: string): Promise<Buffer> {
  const font = fonts();
  const txt = font.unicode ? (s: string) => s : latin;
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 50,
    lang,
    info: { Title: txt(doc.title), Subject: txt(doc.subtitle), Creator: 'Netzwerkraum' },
    displayTitle: true,
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('regular', font.regular);
  pdf.registerFont('bold', font.bold);
  const left = pdf.page.margins.left;
  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;

  pdf.font('bold').fontSize(18).fillColor('#1c1917').text(txt(doc.title), { width });
  pdf.moveDown(0.3);
  pdf.font('regular').fontSize(11).fillColor('#44403c').text(txt(doc.subtitle), { width });
  pdf.fontSize(9).text(txt(doc.meta), { width });
  pdf.moveDown(1);

  for (const s of doc.sections) {
    if (pdf.y > bottom() - 80) pdf.addPage();
    pdf.font('bold').fontSize(13).fillColor('#1c1917').text(txt(s.title), left, pdf.y, { width });
    pdf.moveDown(0.4);
    pdf.font('regular').fontSize(10).fillColor('#1c1917');
    for (const p of s.paragraphs) {
      pdf.text(txt(p), left, pdf.y, { width });
      pdf.moveDown(0.4);
    }
    if (s.empty) {
      pdf.fillColor('#44403c').text(txt(s.empty), left, pdf.y, { width });
      pdf.fillColor('#1c1917').moveDown(0.4);
    }
    for (const tb of s.tables) drawTable(pdf, tb, txt, left, width, bottom);
    pdf.moveDown(0.8);
  }

  const pages = pdf.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    pdf.switchToPage(pages.start + i);
    pdf
      .font('regular')
      .fontSize(8)
      .fillColor('#57534e')
      .text(`${i + 1} / ${pages.count}`, left, pdf.page.height - 35, { width, align: 'right', lineBreak: false });
  }
  pdf.end();
  return done;
}

function drawTable(
  pdf: PDFKit.PDFDocument,
  tb: { caption: string; columns: string[]; numeric: boolean[]; rows: string[][] },
  txt: (s: string) => string,
  left: number,
  width: number,
  bottom: () => number,
) {
  const pad = 3;
  // Text columns share what the number columns leave.
  const nums = tb.numeric.filter(Boolean).length;
  // Numbers get at most 70 pt each, and together at most 55 % of the width, so text columns keep whole words.
  const numW = Math.min(70, (width * 0.55) / Math.max(1, nums));
  const textW = (width - nums * numW) / Math.max(1, tb.columns.length - nums);
  const widths = tb.numeric.map((num) => (num ? numW : textW));
  const rowHeight = (cells: string[], font: string) => {
    pdf.font(font).fontSize(9);
    return Math.max(...cells.map((c, i) => pdf.heightOfString(txt(c), { width: widths[i] - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], font: string, shade: boolean) => {
    const h = rowHeight(cells, font);
    if (pdf.y + h > bottom()) {
      pdf.addPage();
      if (font !== 'bold') drawRow(tb.columns, 'bold', true);
    }
    const y = pdf.y;
    if (shade) pdf.rect(left, y, width, h).fill('#f5f5f4');
    pdf.fillColor('#1c1917').font(font).fontSize(9);
    let x = left;
    cells.forEach((c, i) => {
      pdf.text(txt(c), x + pad, y + pad, { width: widths[i] - 2 * pad, align: tb.numeric[i] ? 'right' : 'left' });
      x += widths[i];
    });
    pdf
      .moveTo(left, y + h)
      .lineTo(left + width, y + h)
      .lineWidth(0.5)
      .strokeColor('#d6d3d1')
      .stroke();
    pdf.x = left;
    pdf.y = y + h;
  };
  if (pdf.y > bottom() - 60) pdf.addPage();
  pdf.font('bold').fontSize(10).fillColor('#1c1917').text(txt(tb.caption), left, pdf.y, { width });
  pdf.moveDown(0.2);
  drawRow(tb.columns, 'bold', true);
  for (const r of tb.rows) drawRow(r, 'regular', false);
  pdf.moveDown(0.6);
}
