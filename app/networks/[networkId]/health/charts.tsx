'use client';

import type { ReactNode } from 'react';
import { Table, type Column } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { ChartDrawing } from './chart-drawing';

/**
 * A chart (plain SVG, drawn with the page's HTML) and its data table, from one list of rows: the table is
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
  return (
    <figure className="space-y-3" data-testid={testId}>
      <figcaption className="font-medium text-stone-900">{title}</figcaption>
      <div role="img" aria-label={title} className="w-full" data-series={JSON.stringify(drawn)}>
        <ChartDrawing
          kind={kind}
          rows={rows}
          x={x}
          xFormat={xFormat}
          series={series}
          yDomain={yDomain}
          format={(n) => f.number(n)}
        />
      </div>
      {children}
      {/* The figures stay one click away (closed by default, so the page leads with the charts and sentences). */}
      <details className="rounded border border-stone-200 p-2">
        <summary className="cursor-pointer text-sm font-medium text-stone-800">{t('health.chart.data')}</summary>
        <Table caption={title} rows={rows} rowKey={(r) => String(r[x])} columns={cols} testId={`${testId}-table`} />
      </details>
    </figure>
  );
}
