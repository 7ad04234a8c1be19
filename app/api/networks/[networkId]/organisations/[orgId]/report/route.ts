import { route } from '@/app/_lib/route';
import { reportDocument } from '@/lib/report/document';
import { getBoardReport } from '@/lib/report/get-board-report';
import { reportMarkdown } from '@/lib/report/markdown';
import { reportPdf } from '@/lib/report/pdf';
import { ZReportQuery } from '@/lib/report/query';
import { AppError } from '@/lib/errors';
import { loadActor } from '@/lib/policies/load-actor';
import { parseQuery } from '../../../ledger/_lib/query';

type P = { networkId: string; orgId: string };

const FORMATS = new Set(['json', 'md', 'pdf']);

/** A file name a board secretary can keep: `report-<organisation>-<from>-<to>.<ext>`. */
const fileName = (org: string, from: string, to: string, ext: string) =>
  `report-${
    org
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .toLowerCase()
      .slice(0, 60) || 'organisation'
  }-${from}-${to}.${ext}`;

/**
 * The report for the home board ("What we gave and got") over `?from&to`
 * (calendar days; default this year): `format=json` (default) the figures,
 * `md` Markdown, `pdf` a PDF, in the reader's language. The organisation's
 * own people only (everyone else 404, not a byte of it).
 */
export const GET = route<undefined, P>({}, async ({ req, db, user, params, locale }) => {
  const format = req.nextUrl.searchParams.get('format') ?? 'json';
  if (!FORMATS.has(format)) throw new AppError(400, 'errors.invalidInput', { details: 'format: json, md, pdf' });
  const query = parseQuery(req, ZReportQuery, locale);
  const report = await getBoardReport(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    params.orgId,
    query,
  );
  if (format === 'json') return { report };
  const doc = reportDocument(report, locale);
  const headers = (type: string, ext: string) => ({
    'content-type': type,
    'content-disposition': `attachment; filename="${fileName(report.organisation.name, report.period.from, report.period.to, ext)}"`,
    'cache-control': 'private, no-store',
    'content-language': locale,
  });
  if (format === 'md')
    return new Response(reportMarkdown(doc), { headers: headers('text/markdown; charset=utf-8', 'md') });
  const pdf = await reportPdf(doc, locale);
  return new Response(new Uint8Array(pdf), { headers: headers('application/pdf', 'pdf') });
});
