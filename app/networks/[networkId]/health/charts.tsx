'use client';

import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Table, type Column } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';

/**
 * A chart (recharts) and its data table, from one list of rows: the table is
 * what keyboard and screen-reader users read (the drawing is one labelled
 * image to them), and it shows the same numbers as the drawing. `data-series`
 * carries the drawn values so a test can hold chart and table side by side.
 */
export interface Series<Row> {
  key: keyof Row & string;
  label: string;
  color: string;
}

const COLORS = ['#0f766e', '#b45309', '#7c3aed', '#be123c', '#1d4ed8'];
export const seriesColor = (i: number) => COLORS[i % COLORS.length];

export function ChartWithTable<Row extends Record<string, unknown>>({
  kind,
  title,
  rows,
  x,
  xLabel,
  xFormat,
  series,
  columns,
  testId,
  yDomain,
  children,
}: {
  kind: 'line' | 'bar';
  title: string;
  rows: Row[];
  x: keyof Row & string;
  xLabel: string;
  xFormat?: (v: string) => string;
  series: Series<Row>[];
  /** The table's columns (default: x and every series). */
  columns?: Column<Row>[];
  testId: string;
  yDomain?: [number, number];
  children?: ReactNode;
}) {
  const { t, f } = useI18n();
  const fmt = (v: unknown) => (v === null || v === undefined ? t('health.chart.none') : f.number(Number(v)));
  const cols: Column<Row>[] = columns ?? [
    { key: x, header: xLabel, cell: (r) => (xFormat ? xFormat(String(r[x])) : String(r[x])), primary: true },
    ...series.map((s) => ({ key: s.key, header: s.label, cell: (r: Row) => fmt(r[s.key]), numeric: true })),
  ];
  const drawn = Object.fromEntries(series.map((s) => [s.key, rows.map((r) => r[s.key] ?? null)]));
  const Chart = kind === 'line' ? LineChart : BarChart;
  return (
    <figure className="space-y-3" data-testid={testId}>
      <figcaption className="font-medium text-stone-900">{title}</figcaption>
      <div role="img" aria-label={title} className="h-64 w-full" data-series={JSON.stringify(drawn)}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 256 }}>
          <Chart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#d6d3d1" />
            <XAxis dataKey={x as string} tickFormatter={xFormat} stroke="#44403c" />
            <YAxis stroke="#44403c" domain={yDomain ?? [0, 'auto']} tickFormatter={(v: number) => f.number(v)} />
            <Tooltip formatter={(v) => fmt(v)} labelFormatter={(l) => (xFormat ? xFormat(String(l)) : String(l))} />
            <Legend />
            {series.map((s) =>
              kind === 'line' ? (
                <Line
                  key={s.key}
                  type="monotone"
                  dataKey={s.key}
                  name={s.label}
                  stroke={s.color}
                  strokeWidth={2}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              ) : (
                <Bar
                  key={s.key}
                  dataKey={s.key as string}
                  name={s.label}
                  fill={s.color}
                  stackId="a"
                  isAnimationActive={false}
                />
              ),
            )}
          </Chart>
        </ResponsiveContainer>
      </div>
      {children}
      <details className="rounded border border-stone-200 p-2" open>
        <summary className="cursor-pointer text-sm font-medium text-stone-800">{t('health.chart.data')}</summary>
        <Table caption={title} rows={rows} rowKey={(r) => String(r[x])} columns={cols} testId={`${testId}-table`} />
      </details>
    </figure>
  );
}
