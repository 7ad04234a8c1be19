import { Fragment } from 'react';

/**
 * The drawing of a chart, without its table (see charts.tsx): plain SVG made while the page is rendered on the
 * server, so a chart is on screen with the HTML's first paint — no chart library has to load and hydrate first.
 * Across, positions are percentages of the plot (the chart fills any width and its text keeps its size); down,
 * pixels of the fixed height. Each point and bar names its figure on hover (`<title>`); to assistive technology
 * the whole drawing is one labelled image, the table beside it carries the numbers.
 */
export interface DrawingSeries {
  key: string;
  label: string;
  color: string;
}

/** Plot height in px (with the axes and the legend the drawing is about 256 px high). */
const PLOT_H = 190;
const PAD_TOP = 8;

/** About `count` round steps from 0 to at least `max`: 1, 2, 2.5, 5 × 10ⁿ. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let v = 0; v < max + step / 2 && ticks.length < 12; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));

export function ChartDrawing<Row extends Record<string, unknown>>({
  kind,
  rows,
  x,
  xFormat,
  series,
  yDomain,
  format,
}: {
  kind: 'line' | 'bar';
  rows: Row[];
  x: string;
  xFormat?: (v: string) => string;
  series: DrawingSeries[];
  yDomain?: [number, number];
  /** A figure as people read it (the page's number format). */
  format: (n: number) => string;
}) {
  const n = rows.length;
  const label = (r: Row) => (xFormat ? xFormat(String(r[x])) : String(r[x]));
  const values = rows.map((r) => series.map((s) => num(r[s.key])));
  const top =
    kind === 'bar'
      ? Math.max(0, ...values.map((vs) => vs.reduce<number>((a, v) => a + Math.max(0, v ?? 0), 0)))
      : Math.max(0, ...values.flat().map((v) => v ?? 0));
  const ticks = yDomain ? niceTicks(yDomain[1], 4).filter((t) => t <= yDomain[1]) : niceTicks(top);
  const yMax = yDomain ? yDomain[1] : ticks[ticks.length - 1];
  const y = (v: number) => PAD_TOP + PLOT_H - (Math.max(0, Math.min(v, yMax)) / (yMax || 1)) * PLOT_H;
  const band = n ? 100 / n : 100;
  const cx = (i: number) => (i + 0.5) * band;
  const pct = (v: number) => `${Number(v.toFixed(3))}%`;
  // At most about eight labels across: every one, second, third …, counted back from the latest (always labelled);
  // on a narrow screen only every second of them (a phone has room for about four).
  const every = Math.max(1, Math.ceil(n / 8));
  const labelled = rows.map((_, i) => (n - 1 - i) % every === 0);
  const narrowToo = rows.map((_, i) => (n - 1 - i) % (2 * every) === 0);
  return (
    <div className="flex flex-col text-xs text-stone-700" aria-hidden="true">
      <div className="flex">
        {/* The y axis: its figures, beside the plot (HTML, so the text keeps its size at any width). */}
        <div className="relative w-12 shrink-0" style={{ height: PLOT_H + PAD_TOP * 2 }}>
          {ticks.map((t) => (
            <span key={t} className="absolute right-1 -translate-y-1/2 leading-none" style={{ top: y(t) }}>
              {format(t)}
            </span>
          ))}
        </div>
        <div className="relative min-w-0 flex-1">
          <svg
            className="block w-full overflow-visible"
            height={PLOT_H + PAD_TOP * 2}
            data-chart-surface={kind}
            focusable="false"
          >
            {ticks.map((t) => (
              <line key={t} x1="0" x2="100%" y1={y(t)} y2={y(t)} stroke="#d6d3d1" strokeDasharray="3 3" />
            ))}
            <line x1="0" x2="0" y1={PAD_TOP} y2={y(0)} stroke="#44403c" />
            <line x1="0" x2="100%" y1={y(0)} y2={y(0)} stroke="#44403c" />
            {kind === 'bar'
              ? rows.map((r, i) => {
                  let base = 0;
                  return (
                    <g key={i}>
                      {series.map((s, k) => {
                        const v = Math.max(0, values[i][k] ?? 0);
                        const y0 = y(base);
                        base += v;
                        const y1 = y(base);
                        return v > 0 ? (
                          <rect
                            key={s.key}
                            x={pct(i * band + band * 0.15)}
                            width={pct(band * 0.7)}
                            y={y1}
                            height={Math.max(0.5, y0 - y1)}
                            fill={s.color}
                          >
                            <title>{`${label(r)} · ${s.label}: ${format(v)}`}</title>
                          </rect>
                        ) : null;
                      })}
                    </g>
                  );
                })
              : series.map((s, k) => (
                  <g key={s.key} stroke={s.color} fill={s.color}>
                    {rows.map((r, i) => {
                      const v = values[i][k];
                      const next = i + 1 < n ? values[i + 1][k] : null;
                      return (
                        <Fragment key={i}>
                          {/* A missing figure leaves a gap: no line to or from it. */}
                          {v !== null && next !== null ? (
                            <line x1={pct(cx(i))} x2={pct(cx(i + 1))} y1={y(v)} y2={y(next)} strokeWidth={2} />
                          ) : null}
                          {v !== null ? (
                            <circle cx={pct(cx(i))} cy={y(v)} r={3}>
                              <title>{`${label(r)} · ${s.label}: ${format(v)}`}</title>
                            </circle>
                          ) : null}
                        </Fragment>
                      );
                    })}
                  </g>
                ))}
          </svg>
          {/* The x axis: every label, or every second, third … when there are many. */}
          <div className="relative h-5">
            {rows.map((r, i) =>
              labelled[i] ? (
                <span
                  key={i}
                  className={`absolute top-1 -translate-x-1/2 whitespace-nowrap leading-none${narrowToo[i] ? '' : ' max-sm:hidden'}`}
                  style={{ left: pct(cx(i)) }}
                >
                  {label(r)}
                </span>
              ) : null,
            )}
          </div>
        </div>
      </div>
      <ul className="mt-1 flex flex-wrap justify-center gap-x-4 gap-y-1">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
