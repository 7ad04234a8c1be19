'use client';

import { useMemo } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  EmptyState,
  Form,
  Table,
  Tabs,
  TextField,
  useForm,
  useToast,
} from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { useFormat } from '@/app/_components/cooperation/use-format';
import { api } from '@/app/_lib/api-client';
import type { Health } from '@/lib/health/get-health';
import {
  CENTRALISATION,
  DORMANCY_WEEKS_MAX,
  DORMANCY_WEEKS_MIN,
  GINI_UNEQUAL,
  TOP_PARTNER_SHARE_HIGH,
} from '@/lib/health/thresholds';
import { ChartWithTable, seriesColor } from './charts';
import { ExchangeMap } from './exchange-map';
import { INTL_LOCALE } from '@/lib/i18n/locales';

/** A period as people say it: `2026-03` → "Mar 2026" / "März 2026", `2026-Q1` → "Q1 2026". */
function usePeriodLabel() {
  const { locale } = useI18n();
  return useMemo(() => {
    const month = new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: 'short', year: 'numeric', timeZone: 'UTC' });
    return (p: string) => {
      const q = /^(\d{4})-Q([1-4])$/.exec(p);
      if (q) return `Q${q[2]} ${q[1]}`;
      const m = /^(\d{4})-(\d{2})$/.exec(p);
      return m ? month.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15)) : p;
    };
  }, [locale]);
}

/**
 * The health page's content (concepts 2, 8, 9): every indicator as a
 * sentence a manager understands, then its chart (server-drawn SVG, chart-drawing.tsx) or map (sigma)
 * and a table with the same figures.
 */
export function HealthView({ networkId, health }: { networkId: string; health: Health }) {
  return (
    <div className="space-y-6">
      <StructureSection health={health} />
      <MapSection health={health} />
      <TrendSection health={health} />
      <InvestmentSection health={health} networkId={networkId} />
      <HorizonSection health={health} />
    </div>
  );
}

function useUnit(health: Health) {
  const { t } = useI18n();
  const fmt = useFormat();
  const unit = health.query.unit;
  return {
    label: unit === 'count' ? t('health.filter.count') : fmt.unitLabel(unit),
    amount: (n: number) => (unit === 'count' ? fmt.number(n) : fmt.amount(n, unit)),
  };
}

function StructureSection({ health }: { health: Health }) {
  const { t } = useI18n();
  const s = health.structure;
  const name = s.topPartner?.name ?? '';
  return (
    <Card title={t('health.structure.title')} id="structure">
      <div className="space-y-2" data-testid="structure">
        <p className="text-lg text-stone-900" data-verdict={s.verdict}>
          {t('health.structure.verdict', { verdict: s.verdict, name })}
        </p>
        {s.centralisation.total !== null ? (
          <p>
            {t('health.structure.centralisation', {
              total: s.centralisation.total,
              in: s.centralisation.in ?? 0,
              out: s.centralisation.out ?? 0,
            })}
          </p>
        ) : null}
        {s.topPartner ? (
          <p>
            {t('health.structure.topShare', {
              high: s.topPartner.share >= TOP_PARTNER_SHARE_HIGH ? 'yes' : 'no',
              share: s.topPartner.share,
              name,
            })}
          </p>
        ) : null}
        {s.gini !== null && s.organisations > 0 ? (
          <p>{t('health.structure.gini', { unequal: s.gini >= GINI_UNEQUAL ? 'yes' : 'no', gini: s.gini })}</p>
        ) : null}
        <p className="text-sm text-stone-700">
          {t('health.structure.thresholds', {
            dominated: CENTRALISATION.DOMINATED,
            polycentric: CENTRALISATION.POLYCENTRIC,
          })}
        </p>
      </div>
    </Card>
  );
}

function MapSection({ health }: { health: Health }) {
  const { t } = useI18n();
  const unit = useUnit(health);
  const names = useMemo(() => new Map(health.organisations.map((o) => [o.id, o.name])), [health.organisations]);
  const { nodes, edges } = health.map;
  return (
    <Card title={t('health.map.title')} id="map">
      {edges.length === 0 ? (
        <EmptyState title={t('health.map.empty')} />
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-stone-700">{t('health.map.description')}</p>
          {health.map.edgesTotal > edges.length ? (
            <p data-testid="map-capped">
              {t('health.map.capped', { shown: edges.length, total: health.map.edgesTotal })}
            </p>
          ) : null}
          <ExchangeMap nodes={nodes} edges={edges} hub={health.structure.topPartner?.id ?? null} />
          <FlowTable
            caption={t('health.map.table')}
            headers={[
              t('health.map.from'),
              t('health.map.to'),
              `${t('health.map.amount')} (${unit.label})`,
              t('health.map.exchanges'),
            ]}
            rows={edges.map((e) => [
              names.get(e.source) ?? '?',
              names.get(e.target) ?? '?',
              unit.amount(e.weight),
              String(e.count),
            ])}
          />
          <Table
            caption={t('health.map.orgTable')}
            captionHidden={false}
            testId="map-organisations"
            rows={[...nodes].sort((a, b) => b.weight - a.weight)}
            rowKey={(n) => n.id}
            columns={[
              { key: 'name', header: t('health.map.orgTable'), cell: (n) => n.name, primary: true },
              { key: 'given', header: t('health.map.given'), cell: (n) => unit.amount(n.given), numeric: true },
              {
                key: 'received',
                header: t('health.map.received'),
                cell: (n) => unit.amount(n.received),
                numeric: true,
              },
            ]}
          />
        </div>
      )}
    </Card>
  );
}

/**
 * The map's flows (up to 150 rows) as a lean table: the shared `Table` repeats a card layout's classes and labels in
 * every cell (~1.3 kB a row, ~200 kB of the page's HTML); here the styles sit once on the table (~0.2 kB a row),
 * so the page is smaller to render, send and parse. Narrow screens scroll it sideways.
 */
function FlowTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: string[][] }) {
  return (
    // Focusable with a name, so that a keyboard can scroll it sideways on a phone (axe: scrollable-region-focusable).
    <div className="overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table
        data-testid="map-flows"
        className="w-full border-collapse text-left [&_td]:px-2 [&_td]:py-2 [&_td:nth-child(n+3)]:text-right [&_td:nth-child(n+3)]:whitespace-nowrap [&_tbody_tr]:border-b [&_tbody_tr]:border-stone-200"
      >
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-300 text-sm text-stone-700">
            {headers.map((h, i) => (
              <th
                key={i}
                scope="col"
                className={i >= 2 ? 'px-2 py-2 text-right font-semibold' : 'px-2 py-2 font-semibold'}
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type TrendRow = {
  period: string;
  centralisation: number | null;
  topShare: number | null;
  gini: number | null;
  verdict: string;
  exchanges: number;
  source: string;
};

function TrendSection({ health }: { health: Health }) {
  const { t, f } = useI18n();
  const period = usePeriodLabel();
  const rows = (by: 'month' | 'quarter'): TrendRow[] =>
    (by === 'month' ? health.trend.months : health.trend.quarters).map((p) => ({
      period: p.period,
      centralisation: p.centralisation.total,
      topShare: p.topPartner?.share ?? null,
      gini: p.organisations ? p.gini : null,
      verdict: p.verdict,
      exchanges: p.exchanges,
      source: p.source,
    }));
  const fmt = (v: number | null) => (v === null ? t('health.chart.none') : f.number(v));
  const view = (by: 'month' | 'quarter') => {
    const r = rows(by);
    const judged = r.filter((x) => x.centralisation !== null);
    const first = judged[0]?.centralisation ?? null;
    const last = judged.at(-1)?.centralisation ?? null;
    const change =
      judged.length < 2 || first === null || last === null
        ? 'none'
        : last - first > 0.1
          ? 'more'
          : first - last > 0.1
            ? 'less'
            : 'same';
    return (
      <ChartWithTable
        kind="line"
        testId={`trend-${by}`}
        title={t('health.trend.chart', { by })}
        rows={r}
        x="period"
        xLabel={t('health.trend.period')}
        xFormat={period}
        yDomain={[0, 1]}
        series={[
          { key: 'centralisation', label: t('health.trend.centralisation'), color: seriesColor(0) },
          { key: 'topShare', label: t('health.trend.topShare'), color: seriesColor(1) },
          { key: 'gini', label: t('health.trend.gini'), color: seriesColor(2) },
        ]}
        columns={[
          { key: 'period', header: t('health.trend.period'), cell: (x) => period(x.period), primary: true },
          {
            key: 'centralisation',
            header: t('health.trend.centralisation'),
            cell: (x) => fmt(x.centralisation),
            numeric: true,
          },
          { key: 'topShare', header: t('health.trend.topShare'), cell: (x) => fmt(x.topShare), numeric: true },
          { key: 'gini', header: t('health.trend.gini'), cell: (x) => fmt(x.gini), numeric: true },
          { key: 'exchanges', header: t('health.trend.exchanges'), cell: (x) => f.number(x.exchanges), numeric: true },
          {
            key: 'verdict',
            header: t('health.trend.verdict'),
            cell: (x) => t('health.verdict.short', { verdict: x.verdict }),
          },
          {
            key: 'source',
            header: t('health.trend.source'),
            cell: (x) => (x.source === 'snapshot' ? t('health.trend.snapshot') : t('health.trend.live')),
          },
        ]}
      >
        <p>{t('health.trend.summary', { change, first: first ?? 0, last: last ?? 0 })}</p>
      </ChartWithTable>
    );
  };
  return (
    <Card title={t('health.trend.title')} id="trend">
      <Tabs
        label={t('health.trend.title')}
        items={[
          { id: 'months', label: t('health.trend.months'), content: view('month') },
          { id: 'quarters', label: t('health.trend.quarters'), content: view('quarter') },
        ]}
      />
    </Card>
  );
}

function InvestmentSection({ health, networkId }: { health: Health; networkId: string }) {
  const { t, f } = useI18n();
  const unit = useUnit(health);
  const inv = health.investment;
  const weeks = health.dormancyWeeks;
  const dormantNames = inv.organisations.filter((o) => o.dormant).map((o) => o.name);
  const notStartedNames = inv.organisations.filter((o) => o.notStarted).map((o) => o.name);
  const rows = inv.network.weeks.map((w, i) => ({ week: inv.weeks[i], ...w }));
  return (
    <Card title={t('health.investment.title')} id="investment">
      <div className="space-y-4" data-testid="investment">
        <p>{t('health.investment.intro', { weeks })}</p>
        {inv.networkDormant ? (
          <Alert tone="warning">
            {t('health.investment.networkWarning', {
              dormant: inv.dormantOrganisations,
              total: inv.activeOrganisations,
            })}
          </Alert>
        ) : null}
        {inv.mineDormant ? <Alert tone="warning">{t('health.investment.mineWarning', { weeks })}</Alert> : null}
        {inv.organisations.length === 0 ? (
          <EmptyState title={t('health.investment.empty')} />
        ) : (
          <>
            <p data-testid="dormant-sentence">
              {t('health.investment.dormant', { dormant: dormantNames.length, names: f.list(dormantNames) })}
            </p>
            {notStartedNames.length ? (
              <p data-testid="not-started-sentence">
                {t('health.investment.notStarted', { count: notStartedNames.length, names: f.list(notStartedNames) })}
              </p>
            ) : null}
            <p>{t('health.investment.networkTrend', { streak: inv.network.streak })}</p>
            <ChartWithTable
              kind="bar"
              testId="investment-chart"
              title={t('health.investment.chart')}
              rows={rows}
              x="week"
              xLabel={t('health.investment.week')}
              xFormat={(d) => f.date(d)}
              series={[
                {
                  key: 'entries',
                  label: t('health.investment.given', { unit: t('health.filter.count') }),
                  color: seriesColor(0),
                },
                { key: 'commitmentsMade', label: t('health.investment.made'), color: seriesColor(1) },
                { key: 'commitmentsDelivered', label: t('health.investment.delivered'), color: seriesColor(2) },
                { key: 'participation', label: t('health.investment.participation'), color: seriesColor(3) },
              ]}
              columns={[
                { key: 'week', header: t('health.investment.week'), cell: (r) => f.date(r.week), primary: true },
                // In "number of exchanges" the given amount is the number of entries: one column says it.
                ...(health.query.unit === 'count'
                  ? []
                  : [
                      {
                        key: 'given' as const,
                        header: t('health.investment.given', { unit: unit.label }),
                        cell: (r: (typeof rows)[number]) => unit.amount(r.given),
                        numeric: true,
                      },
                    ]),
                {
                  key: 'entries',
                  header: t('health.investment.given', { unit: t('health.filter.count') }),
                  cell: (r) => f.number(r.entries),
                  numeric: true,
                },
                {
                  key: 'commitmentsMade',
                  header: t('health.investment.made'),
                  cell: (r) => f.number(r.commitmentsMade),
                  numeric: true,
                },
                {
                  key: 'commitmentsDelivered',
                  header: t('health.investment.delivered'),
                  cell: (r) => f.number(r.commitmentsDelivered),
                  numeric: true,
                },
                {
                  key: 'participation',
                  header: t('health.investment.participation'),
                  cell: (r) => f.number(r.participation),
                  numeric: true,
                },
                { key: 'index', header: t('health.investment.index'), cell: (r) => f.number(r.index), numeric: true },
              ]}
            />
            <Table
              caption={t('health.investment.orgTable')}
              captionHidden={false}
              testId="investment-organisations"
              rows={inv.organisations}
              rowKey={(o) => o.id}
              rowProps={(o) => ({ 'data-dormant': String(o.dormant), 'data-not-started': String(o.notStarted) })}
              columns={[
                { key: 'name', header: t('health.investment.orgTable'), cell: (o) => o.name, primary: true },
                {
                  key: 'last',
                  header: t('health.investment.lastWeeks', { weeks }),
                  cell: (o) =>
                    o.weeks
                      .slice(-weeks)
                      .map((w) => f.number(w.index))
                      .join(' · '),
                },
                {
                  key: 'streak',
                  header: t('health.investment.streak'),
                  cell: (o) => (o.notStarted ? '—' : f.number(o.streak)),
                  numeric: true,
                },
                {
                  key: 'state',
                  header: t('health.investment.state'),
                  cell: (o) =>
                    o.status === 'paused' ? (
                      <Badge tone="neutral">{t('health.investment.statePaused')}</Badge>
                    ) : o.notStarted ? (
                      <Badge tone="info">{t('health.investment.stateNotStarted')}</Badge>
                    ) : o.dormant ? (
                      <Badge tone="warning">{t('health.investment.stateDormant')}</Badge>
                    ) : (
                      <Badge tone="success">{t('health.investment.stateActive')}</Badge>
                    ),
                },
              ]}
            />
          </>
        )}
        {health.abilities.manage ? <DormancyForm networkId={networkId} weeks={weeks} /> : null}
      </div>
    </Card>
  );
}

function DormancyForm({ networkId, weeks }: { networkId: string; weeks: number }) {
  const { t } = useI18n();
  const toast = useToast();
  const form = useForm<{ dormancyWeeks: number }, { dormancyWeeks: number }>({
    read: (data) => ({ dormancyWeeks: Number(data.get('dormancyWeeks')) }),
    submit: (body) => api.patch(`/api/networks/${networkId}/health`, body),
    onSuccess: (r) => toast(t('health.dormancy.saved', { weeks: r.dormancyWeeks }), 'success'),
    refresh: true,
  });
  return (
    <Form form={form} aria-label={t('health.dormancy.title')} className="flex flex-wrap items-end gap-3">
      <TextField
        name="dormancyWeeks"
        type="number"
        min={DORMANCY_WEEKS_MIN}
        max={DORMANCY_WEEKS_MAX}
        defaultValue={weeks}
        label={t('health.dormancy.label')}
        hint={t('health.dormancy.hint', { min: DORMANCY_WEEKS_MIN, max: DORMANCY_WEEKS_MAX })}
      />
      <Button type="submit" busy={form.busy}>
        {t('health.dormancy.save')}
      </Button>
    </Form>
  );
}

function HorizonSection({ health }: { health: Health }) {
  const { t, f } = useI18n();
  const period = usePeriodLabel();
  const h = health.horizon;
  const change = (() => {
    const before = h.quarterAgo.medianDays;
    if (before === null) return t('health.horizon.noCompare');
    if (h.now.medianDays === null) return t('health.horizon.shrunkToNothing', { before: Math.round(before) });
    return t(h.change.shrinking ? 'health.horizon.shrinking' : 'health.horizon.holding', {
      before: Math.round(before),
      now: Math.round(h.now.medianDays),
    });
  })();
  return (
    <Card title={t('health.horizon.title')} id="horizon">
      <div className="space-y-4" data-testid="horizon">
        <p>{t('health.horizon.intro')}</p>
        <p className="text-lg text-stone-900">
          {h.now.medianDays === null
            ? t('health.horizon.nothing')
            : t('health.horizon.now', {
                median: Math.round(h.now.medianDays),
                furthest: h.now.furthestDays ?? 0,
                date: f.date(h.now.furthestDate),
              })}
        </p>
        {h.change.shrinking ? <Alert tone="warning">{change}</Alert> : <p>{change}</p>}
        <p>{t('health.horizon.pairs', { total: h.pairs.total, repeated: h.pairs.repeated })}</p>
        <ChartWithTable
          kind="line"
          testId="horizon-chart"
          title={t('health.horizon.chart')}
          rows={h.trend.map((p) => ({
            period: p.period,
            medianDays: p.medianDays,
            furthestDays: p.furthestDays,
            planned: p.planned,
          }))}
          x="period"
          xLabel={t('health.horizon.month')}
          xFormat={period}
          series={[
            { key: 'medianDays', label: t('health.horizon.median'), color: seriesColor(0) },
            { key: 'furthestDays', label: t('health.horizon.furthest'), color: seriesColor(1) },
          ]}
          columns={[
            { key: 'period', header: t('health.horizon.month'), cell: (p) => period(p.period), primary: true },
            {
              key: 'medianDays',
              header: t('health.horizon.median'),
              cell: (p) => (p.medianDays === null ? t('health.chart.none') : f.number(p.medianDays)),
              numeric: true,
            },
            {
              key: 'furthestDays',
              header: t('health.horizon.furthest'),
              cell: (p) => (p.furthestDays === null ? t('health.chart.none') : f.number(p.furthestDays)),
              numeric: true,
            },
            { key: 'planned', header: t('health.horizon.planned'), cell: (p) => f.number(p.planned), numeric: true },
          ]}
        />
        {h.pairs.top.length ? (
          <Table
            caption={t('health.horizon.pairTable')}
            captionHidden={false}
            testId="pairs"
            rows={h.pairs.top}
            rowKey={(p) => `${p.a}|${p.b}`}
            columns={[
              { key: 'a', header: t('health.horizon.partner'), cell: (p) => p.aName, primary: true },
              { key: 'b', header: t('health.horizon.partner'), cell: (p) => p.bName },
              { key: 'n', header: t('health.horizon.exchanges'), cell: (p) => f.number(p.exchanges), numeric: true },
            ]}
          />
        ) : null}
      </div>
    </Card>
  );
}
