import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { DescNode } from '../goals/description-doc';
import { goalSections, type GoalExport } from './goal-export';

/**
 * The goal as a PDF, made on the server with pdfkit: the same sections as the
 * Markdown, set as an A4 document. Text is set in DejaVu Sans when the machine
 * has it (every script people write their names in), else in the PDF's
 * built-in Helvetica (Latin-1: German and English text).
 */

const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const FONTS = fs.existsSync(`${DEJAVU}/DejaVuSans.ttf`)
  ? {
      body: `${DEJAVU}/DejaVuSans.ttf`,
      bold: `${DEJAVU}/DejaVuSans-Bold.ttf`,
      italic: `${DEJAVU}/DejaVuSans-Oblique.ttf`,
      mono: `${DEJAVU}/DejaVuSansMono.ttf`,
    }
  : { body: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique', mono: 'Courier' };

const textOf = (n: DescNode): string =>
  'delta' in n ? n.delta.map((d) => d.insert).join('') : (n.content ?? []).map(textOf).join('');

export function goalPdf(x: GoalExport): Promise<Buffer> {
  const s = goalSections(x);
  const { t } = s;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: false,
    lang: x.locale,
    displayTitle: true,
    info: { Title: s.title, Subject: s.subtitle, Creator: 'Netzwerkraum' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 112;
  const font = (name: keyof typeof FONTS, size: number) => doc.font(FONTS[name]).fontSize(size);
  const para = (text: string, opts: { indent?: number; gap?: number } = {}) => {
    font('body', 10.5).text(text, 56 + (opts.indent ?? 0), undefined, { width: width - (opts.indent ?? 0) });
    doc.moveDown(opts.gap ?? 0.4);
  };
  const h2 = (text: string) => {
    doc.moveDown(0.6);
    font('bold', 14).fillColor('#1c1917').text(text, 56, undefined, { width });
    doc.moveDown(0.3);
  };
  const h3 = (text: string) => {
    font('bold', 11).text(text, 56, undefined, { width });
    doc.moveDown(0.15);
  };
  const empty = (text: string) => {
    font('italic', 10.5).text(text, 56, undefined, { width });
    doc.moveDown(0.4);
  };

  font('bold', 20).text(s.title, { width });
  doc.moveDown(0.2);
  font('italic', 9.5).fillColor('#44403c').text(s.subtitle, { width });
  doc.fillColor('#1c1917').moveDown(0.6);
  for (const [k, v] of s.facts) {
    font('bold', 10.5).text(`${k}: `, 56, undefined, { continued: true, width });
    font('body', 10.5).text(v);
  }
  if (s.why) {
    h2(t('exports.goal.why'));
    para(s.why);
  }

  h2(t('exports.goal.description'));
  const blocks = (nodes: DescNode[], indent: number) => {
    for (const n of nodes) {
      if ('delta' in n) {
        para(textOf(n), { indent });
        continue;
      }
      if (n.type === 'heading') {
        const level = Number(n.attrs?.level) || 1;
        font('bold', level <= 1 ? 13 : level === 2 ? 12 : 11).text(textOf(n), 56 + indent, undefined, {
          width: width - indent,
        });
        doc.moveDown(0.2);
      } else if (n.type === 'bullet_list' || n.type === 'ordered_list') {
        const start = Number(n.attrs?.order) || 1;
        (n.content ?? []).forEach((item, i) => {
          const marker = n.type === 'ordered_list' ? `${start + i}.` : '•';
          const y = doc.y;
          font('body', 10.5).text(marker, 56 + indent, y, { width: 18 });
          doc.y = y;
          blocks('delta' in item ? [item] : (item.content ?? []), indent + 18);
        });
      } else if (n.type === 'code_block') {
        font('mono', 9.5).text(textOf(n), 56 + indent + 8, undefined, { width: width - indent - 8 });
        doc.moveDown(0.4);
      } else if (n.type === 'blockquote') {
        blocks(n.content ?? [], indent + 14);
      } else if (n.type === 'horizontal_rule') {
        doc
          .moveTo(56 + indent, doc.y + 4)
          .lineTo(56 + width, doc.y + 4)
          .strokeColor('#a8a29e')
          .stroke();
        doc.moveDown(0.8);
      } else if (n.type === 'paragraph') {
        const text = textOf(n);
        if (text.trim()) para(text, { indent });
      } else if (n.content?.length) blocks(n.content, indent);
    }
  };
  if (x.description.length) blocks(x.description, 0);
  else empty(t('exports.goal.noDescription'));

  if (s.indicators.length) {
    h2(t('exports.goal.indicators'));
    for (const i of s.indicators) para(`• ${i}`, { gap: 0.15 });
  }
  const list = (items: { head: string; lines: string[] }[]) => {
    for (const i of items) {
      h3(i.head);
      for (const l of i.lines) para(l, { indent: 10, gap: 0.15 });
      doc.moveDown(0.3);
    }
  };
  h2(t('exports.goal.ratings'));
  if (s.ratings.length) {
    for (const l of s.spread) para(l, { gap: 0.1 });
    doc.moveDown(0.3);
    list(s.ratings);
  } else empty(t('exports.goal.noRatings'));
  h2(t('exports.goal.commitments'));
  if (s.commitments.length) list(s.commitments);
  else empty(t('exports.goal.noCommitments'));
  if (s.moreCommitments) empty(t('exports.goal.moreCommitments', { count: s.moreCommitments }));
  h2(t('exports.goal.versions'));
  list(s.versions);
  doc.end();
  return done;
}
