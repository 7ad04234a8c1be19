import type { Metadata } from 'next';
import Link from '@/app/_components/ui/link';
import { notFound } from 'next/navigation';
import { Alert, Button, buttonClasses, Card, PageHeader, Table } from '@/app/_components/ui';
import { AppError } from '@/lib/errors';
import { boardReportPolicy } from '@/lib/policies/board-report';
import { reportDocument } from '@/lib/report/document';
import { getBoardReport } from '@/lib/report/get-board-report';
import { isId, networkPageContext, orNotFound } from '../../../../_lib/load';

type Params = Promise<{ networkId: string; orgId: string }>;
type Search = Promise<{ from?: string; to?: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { networkId, orgId } = await params;
  const { t } = await networkPageContext(networkId, `/networks/${networkId}/organisations/${orgId}/report`);
  return { title: t('report.link') };
}

/**
 * The report for the home board ("What we gave and got") of one organisation
 * over a period: the same document as the PDF and the Markdown (lib/report),
 * with the period to choose and both downloads. Home data: the organisation's
 * own people only; everyone else gets the 404 page.
 */
export default async function BoardReportPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { networkId, orgId } = await params;
  const sp = await searchParams;
  if (!isId(orgId)) notFound();
  const path = `/networks/${networkId}/organisations/${orgId}/report`;
  const { db, actor, t, locale } = await networkPageContext(networkId, path);
  if (!boardReportPolicy.can(actor, 'read', { networkId, organisationId: orgId })) notFound();
  const query = {
    from: typeof sp.from === 'string' ? sp.from : undefined,
    to: typeof sp.to === 'string' ? sp.to : undefined,
  };
  let report;
  let problem: string | null = null;
  try {
    report = await orNotFound(getBoardReport(db, actor, networkId, orgId, query));
  } catch (err) {
    if (!(err instanceof AppError) || err.status !== 400) throw err;
    problem = t(err.key, err.vars);
    report = await orNotFound(getBoardReport(db, actor, networkId, orgId, {}));
  }
  const doc = reportDocument(report, locale);
  const api = `/api/networks/${networkId}/organisations/${orgId}/report`;
  const period = `from=${report.period.from}&to=${report.period.to}`;

  return (
    <>
      <nav aria-label={t('networks.breadcrumb')} className="mb-2 text-sm">
        <Link
          href={`/networks/${networkId}/organisations/${orgId}`}
          className="text-brand-800 underline underline-offset-4"
        >
          {t('collab.home.backToOrganisation', { organisation: report.organisation.name })}
        </Link>
      </nav>
      <PageHeader title={doc.title} description={doc.subtitle} />
      <p className="mb-6 rounded-md border-l-4 border-sky-700 bg-sky-50 px-4 py-3 text-sky-950">
        {t('report.privacy', { organisation: report.organisation.name })}
      </p>
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <Card title={t('report.period')} id="report-period">
          {problem ? (
            <Alert tone="error" className="mb-3">
              {problem}
            </Alert>
          ) : null}
          <form method="get" action={path} className="flex flex-wrap items-end gap-4">
            <label className="flex flex-col font-medium">
              {t('report.from')}
              <input
                type="date"
                name="from"
                defaultValue={query.from ?? report.period.from}
                className="rounded-control mt-1 min-h-11 border border-stone-400 px-3 py-2 font-normal"
              />
            </label>
            <label className="flex flex-col font-medium">
              {t('report.to')}
              <input
                type="date"
                name="to"
                defaultValue={query.to ?? report.period.to}
                className="rounded-control mt-1 min-h-11 border border-stone-400 px-3 py-2 font-normal"
              />
            </label>
            <Button type="submit" variant="secondary">
              {t('report.show')}
            </Button>
          </form>
        </Card>
        <Card title={t('report.download')} id="report-download">
          <div className="flex flex-wrap gap-3">
            {/* Plain links: the files come from a route handler, as downloads (never a client-side navigation). */}
            <a
              href={`${api}?${period}&format=pdf`}
              download
              className={buttonClasses('primary')}
              data-testid="report-pdf"
            >
              {t('report.pdf')}
            </a>
            <a
              href={`${api}?${period}&format=md`}
              download
              className={buttonClasses('secondary')}
              data-testid="report-md"
            >
              {t('report.markdown')}
            </a>
          </div>
          <p className="mt-3 text-sm text-stone-700">{doc.meta}</p>
        </Card>
      </div>
      <div className="grid gap-6">
        {doc.sections.map((s) => (
          <Card key={s.id} title={s.title} id={`report-${s.id}`}>
            <div data-testid={`report-section-${s.id}`}>
              {s.paragraphs.map((p) =>
                s.unavailable ? (
                  <Alert key={p} tone="info">
                    {p}
                  </Alert>
                ) : (
                  <p key={p} className="mb-2">
                    {p}
                  </p>
                ),
              )}
              {s.empty ? <p className="text-stone-700">{s.empty}</p> : null}
              {s.tables.map((tb) => (
                <div key={tb.caption} className="mt-4">
                  <Table
                    caption={tb.caption}
                    captionHidden={false}
                    rows={tb.rows.map((cells, i) => ({ i, cells }))}
                    rowKey={(r) => String(r.i)}
                    columns={tb.columns.map((c, ci) => ({
                      key: String(ci),
                      header: c,
                      cell: (r: { cells: string[] }) => r.cells[ci],
                      numeric: tb.numeric[ci],
                      primary: ci === 0,
                    }))}
                  />
                </div>
              ))}
            </div>
          </Card>
        ))}
      </div>
    </>
  );
}
