import type { ReportDocument } from './document';

/** Escapes what Markdown would read as syntax in a table cell or a line. */
const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const line = (s: string) => s.replace(/\r?\n/g, ' ').replace(/^([#>*+-]|\d+\.)\s/, '\\$&');

/** The report as Markdown (GitHub-flavoured tables), ready to paste into a board's papers. */
export function reportMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${line(doc.title)}`, '', line(doc.subtitle), '', `_${line(doc.meta)}_`, ''];
  for (const s of doc.sections) {
    out.push(`## ${line(s.title)}`, '');
    for (const p of s.paragraphs) out.push(line(p), '');
    if (s.empty) out.push(line(s.empty), '');
    for (const tb of s.tables) {
      out.push(`**${line(tb.caption)}**`, '');
      out.push(`| ${tb.columns.map(cell).join(' | ')} |`);
      out.push(`| ${tb.numeric.map((num) => (num ? '---:' : '---')).join(' | ')} |`);
      for (const r of tb.rows) out.push(`| ${r.map(cell).join(' | ')} |`);
      out.push('');
    }
  }
  return out.join('\n');
}
