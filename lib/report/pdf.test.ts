import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { reportMarkdown } from './markdown';
import { reportPdf } from './pdf';
import type { ReportDocument } from './document';

const doc: ReportDocument = {
  title: 'Was wir gegeben und bekommen haben: Jugendzentrum Yılmaz & Co',
  subtitle: 'Bericht für den Vorstand · Bildungsnetzwerk · 1. Jänner 2026 bis 30. November 2026',
  meta: 'Erstellt am 30.11.2026',
  sections: [
    {
      id: 'ledger',
      title: 'Gegeben und bekommen',
      paragraphs: ['Aus dem Kontobuch.'],
      tables: [
        {
          caption: 'Je Einheit',
          columns: ['Einheit', 'Gegeben, bestätigt', 'Gegeben, wartend', 'Bekommen, bestätigt', 'Bekommen, wartend'],
          numeric: [false, true, true, true, true],
          // Enough rows to run over a page: the header repeats.
          rows: Array.from({ length: 80 }, (_, i) => [`Einheit ${i} | mit Strich`, '12,5', '0', '0', '300']),
        },
      ],
    },
    { id: 'mandate', title: 'Unser Mandat', paragraphs: ['Noch nicht verfügbar.'], tables: [], unavailable: true },
  ],
};

describe('the report as PDF and Markdown', () => {
  it('the PDF holds the text, Unicode names included, over several pages', async () => {
    const pdf = await reportPdf(doc, 'de');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const proxy = await getDocumentProxy(new Uint8Array(pdf));
    expect(proxy.numPages).toBeGreaterThan(1);
    const { text } = await extractText(proxy, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Jugendzentrum Yılmaz & Co');
    expect(flat).toContain('Einheit 79 | mit Strich 12,5 0 0 300');
    expect(flat).toContain('Noch nicht verfügbar.');
  });

  it('Markdown escapes the table’s pipes and keeps numbers right-aligned', () => {
    const md = reportMarkdown(doc);
    expect(md).toContain('| Einheit 0 \\| mit Strich | 12,5 | 0 | 0 | 300 |');
    expect(md).toContain('| --- | ---: | ---: | ---: | ---: |');
    expect(md.startsWith('# Was wir gegeben und bekommen haben')).toBe(true);
  });
});
