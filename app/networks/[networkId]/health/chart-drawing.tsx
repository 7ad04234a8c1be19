'use client';

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
import { useI18n } from '@/app/_components/providers';

/** The drawing of a chart (recharts), without its table: see charts.tsx. */
export function ChartDrawing<Row extends Record<string, unknown>>({
  kind,
  rows,
  x,
  xFormat,
  series,
  yDomain,
}: {
  kind: 'line' | 'bar';
  rows: Row[];
  x: string;
  xFormat?: (v: string) => string;
  series: { key: string; label: string; color: string }[];
  yDomain?: [number, number];
}) {
  const { t, f } = useI18n();
  const fmt = (v: unknown) => (v === null || v === undefined ? t('health.chart.none') : f.number(Number(v)));
  const Chart = kind === 'line' ? LineChart : BarChart;
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 256 }}>
      <Chart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d6d3d1" />
        <XAxis dataKey={x} tickFormatter={xFormat} stroke="#44403c" />
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
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId="a" isAnimationActive={false} />
          ),
        )}
      </Chart>
    </ResponsiveContainer>
  );
}
