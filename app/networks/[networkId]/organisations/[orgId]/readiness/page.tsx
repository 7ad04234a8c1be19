import type { Metadata } from 'next';
import Link from '@/app/_components/ui/link';
import { notFound } from 'next/navigation';
import { Badge, Card, EmptyState, PageHeader, Table } from '@/app/_components/ui';
import { today } from '@/lib/core/dates';
import { formatter } from '@/lib/i18n';
import { readinessPolicy } from '@/lib/policies/readiness';
import { listReadinessChecks, type ReadinessPage } from '@/lib/readiness/list-checks';
import { QUESTIONS, SCALE_MAX, SCALE_MIN, type Verdict } from '@/lib/readiness/questions';
import { readinessSummaryWords } from '@/lib/readiness/summary-words';
import { isId, networkPageContext, orNotFound } from '../../../../_lib/load';
import { ReadinessDialog, ShareButton } from './readiness-form';

type Params = Promise<{ networkId: string; orgId: string }>;

const TONE: Record<Verdict, 'success' | 'warning' | 'danger'> = {
  invest: 'success',
  caution: 'warning',
  against: 'danger',
};

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { networkId, orgId } = await params;
  const { t } = await networkPageContext(networkId, `/networks/${networkId}/organisations/${orgId}/readiness`);
  return { title: t('readiness.title') };
}

/**
 * The Netzwerk-Check of one organisation (concept 4): the latest summary in
 * plain words, the trend across checks (a chart and the same figures as a
 * table), every check with its answers and notes, and answering it again.
 * Home data: only the organisation's own people; everyone else gets the 404
 * page, as if it did not exist.
 */
export default async function ReadinessCheckPage({ params }: { params: Params }) {
  const { networkId, orgId } = await params;
  if (!isId(orgId)) notFound();
  const { db, actor, t, locale } = await networkPageContext(
    networkId,
    `/networks/${networkId}/organisations/${orgId}/readiness`,
  );
  if (!readinessPolicy.can(actor, 'read', { networkId, organisationId: orgId })) notFound();
  const page = await orNotFound(listReadinessChecks(db, actor, networkId, orgId));
  const f = formatter(locale);
  const name = page.organisation.name;
  const latest = page.checks[0];

  return (
    <>
      <nav aria-label={t('networks.breadcrumb')} className="mb-2 text-sm">
        <Link
          href={`/networks/${networkId}/organisations/${orgId}`}
          className="text-brand-800 underline underline-offset-4"
        >
          {t('collab.home.backToOrganisation', { organisation: name })}
        </Link>
      </nav>
      <PageHeader
        title={t('readiness.pageTitle', { organisation: name })}
        description={t('readiness.intro')}
        actions={
          page.abilities.answer ? (
            <ReadinessDialog networkId={networkId} organisationId={orgId} again={!!latest} today={today()} />
          ) : undefined
        }
      />
      <p className="mb-6 rounded-md border-l-4 border-sky-700 bg-sky-50 px-4 py-3 text-sky-950">
        {t('readiness.privacy', { organisation: name })}
      </p>
      {!latest ? (
        <EmptyState title={t('readiness.empty.title')} description={t('readiness.empty.body')} />
      ) : (
        <div className="grid gap-6">
          <Card title={t('readiness.latest.title')} id="readiness-summary">
            <div data-testid="readiness-summary" data-verdict={latest.verdict}>
              <p className="mb-2">
                <Badge tone={TONE[latest.verdict]}>{t('readiness.verdictShort', { verdict: latest.verdict })}</Badge>{' '}
                <span className="text-sm text-stone-700">
                  {t('readiness.latest.date', {
                    date: f.date(latest.answeredOn, 'long'),
                    name: latest.answeredBy.name,
                  })}
                </span>
              </p>
              {readinessSummaryWords(locale, page.latest!).map((line) => (
                <p key={line} className="mb-1">
                  {line}
                </p>
              ))}
            </div>
            <div className="mt-4 border-t border-stone-200 pt-4">
              <p className="mb-2 text-sm text-stone-700">
                {latest.shared ? t('readiness.share.shared') : t('readiness.share.private')}
              </p>
              {latest.abilities.share ? (
                <ShareButton networkId={networkId} organisationId={orgId} checkId={latest.id} shared={latest.shared} />
              ) : null}
            </div>
          </Card>
          <Card title={t('readiness.trend.title')} id="readiness-trend">
            <Trend page={page} t={t} f={f} />
          </Card>
          <Card title={t('readiness.history.title')} id="readiness-history">
            <ul className="space-y-3">
              {page.checks.map((c) => (
                <li key={c.id} data-testid="readiness-check">
                  <details>
                    <summary className="cursor-pointer font-medium">
                      {t('readiness.history.answers', { date: f.date(c.answeredOn, 'long') })} ·{' '}
                      {t('readiness.verdictShort', { verdict: c.verdict })} · {c.answeredBy.name}
                    </summary>
                    <dl className="mt-2 grid gap-2">
                      {c.answers.map((a) => (
                        <div key={a.question}>
                          <dt className="font-medium">{t(`readiness.question.${a.question}`)}</dt>
                          <dd className="text-stone-800">
                            {t(`readiness.scale.${a.score}`)}
                            {a.note ? <span className="block text-sm text-stone-700">{a.note}</span> : null}
                          </dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      )}
    </>
  );
}

type T = (key: string, values?: Record<string, string | number>) => string;

/** The trend: mean answer per check as a line (lower is readier), then the same as a table, per question. */
function Trend({ page, t, f }: { page: ReadinessPage; t: T; f: ReturnType<typeof formatter> }) {
  const points = page.trend.points;
  const W = 640;
  const H = 200;
  // Room left and right for the dates below the first and last point (centred on them), so none is cut off.
  const pad = { l: 48, r: 48, t: 12, b: 28 };
  const x = (i: number) =>
    pad.l + (points.length === 1 ? (W - pad.l - pad.r) / 2 : (i * (W - pad.l - pad.r)) / (points.length - 1));
  const y = (v: number) => pad.t + ((SCALE_MAX - v) * (H - pad.t - pad.b)) / (SCALE_MAX - SCALE_MIN);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.average).toFixed(1)}`).join(' ');
  const rows = [
    ...QUESTIONS.map((q) => ({
      key: q,
      label: t(`readiness.question.${q}`),
      values: page.trend.questions.find((x) => x.question === q)!.scores.map((s) => (s === null ? '—' : String(s))),
    })),
    {
      key: 'mean',
      label: t('readiness.trend.mean'),
      values: points.map((p) => f.number(Math.round(p.average * 10) / 10)),
    },
    { key: 'applies', label: t('readiness.trend.applies'), values: points.map((p) => f.number(p.againstCount)) },
  ];
  return (
    <div data-testid="readiness-trend" data-points={points.length}>
      {points.length < 2 ? <p className="mb-3 text-stone-700">{t('readiness.trend.one')}</p> : null}
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={t('readiness.trend.chart', { count: points.length })}
        className="mb-4 h-auto w-full max-w-2xl"
      >
        {[1, 2, 3, 4, 5].map((v) => (
          <g key={v}>
            <line x1={pad.l} x2={W - pad.r} y1={y(v)} y2={y(v)} stroke="#d6d3d1" strokeWidth={1} />
            <text x={pad.l - 8} y={y(v) + 4} textAnchor="end" fontSize={12} fill="#44403c">
              {v}
            </text>
          </g>
        ))}
        <line
          x1={pad.l}
          x2={W - pad.r}
          y1={y(3.5)}
          y2={y(3.5)}
          stroke="#b91c1c"
          strokeDasharray="4 4"
          strokeWidth={1}
        />
        {points.length > 1 ? <path d={path} fill="none" stroke="#1d4ed8" strokeWidth={3} /> : null}
        {points.map((p, i) => (
          <g key={p.checkId}>
            <circle cx={x(i)} cy={y(p.average)} r={5} fill="#1d4ed8" />
            <text x={x(i)} y={H - 8} textAnchor="middle" fontSize={12} fill="#44403c">
              {f.date(p.answeredOn)}
            </text>
          </g>
        ))}
      </svg>
      <p className="mb-4 flex items-center gap-2 text-sm text-stone-700">
        <svg width="28" height="8" aria-hidden="true">
          <line x1="0" x2="28" y1="4" y2="4" stroke="#b91c1c" strokeDasharray="4 4" strokeWidth={1} />
        </svg>
        {t('readiness.trend.threshold')}
      </p>
      <div className="overflow-x-auto">
        <Table
          caption={t('readiness.trend.table')}
          captionHidden={false}
          rows={rows}
          rowKey={(r) => r.key}
          testId="readiness-trend-table"
          columns={[
            { key: 'q', header: t('readiness.trend.question'), cell: (r) => r.label, primary: true },
            ...points.map((p, i) => ({
              key: p.checkId,
              header: f.date(p.answeredOn),
              cell: (r: (typeof rows)[number]) => r.values[i],
              numeric: true,
            })),
          ]}
        />
      </div>
    </div>
  );
}
