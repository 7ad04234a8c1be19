import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChartDrawing, niceTicks } from './chart-drawing';

const series = [
  { key: 'a', label: 'Median', color: '#0f766e' },
  { key: 'b', label: 'Furthest', color: '#b45309' },
];
const draw = (kind: 'line' | 'bar', rows: Record<string, unknown>[], yDomain?: [number, number]) =>
  renderToStaticMarkup(
    createElement(ChartDrawing, { kind, rows, x: 'p', series, yDomain, format: (n: number) => String(n) }),
  );

describe('the health charts drawn on the server', () => {
  it('picks round steps from 0 up to at least the largest figure', () => {
    expect(niceTicks(1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('draws a point per figure, a line between neighbours, and a gap where a figure is missing', () => {
    const svg = draw('line', [
      { p: 'Jan', a: 1, b: 4 },
      { p: 'Feb', a: null, b: 6 },
      { p: 'Mar', a: 3, b: 8 },
    ]);
    expect(svg).toContain('data-chart-surface="line"');
    // a: two points, no line (its middle figure is missing); b: three points, two lines.
    expect(svg.match(/<circle/g)).toHaveLength(5);
    expect(svg.match(/<line x1="[\d.]+%"/g)).toHaveLength(2);
    expect(svg).toContain('<title>Mar · Median: 3</title>');
    expect(svg).not.toContain('Feb · Median');
    // The labels of both axes and the legend are text beside the drawing.
    for (const text of ['Jan', 'Feb', 'Mar', 'Median', 'Furthest', '>8<', '>0<']) expect(svg).toContain(text);
  });

  it('stacks bars, and keeps a fixed scale when one is given', () => {
    const svg = draw('bar', [
      { p: 'w1', a: 2, b: 2 },
      { p: 'w2', a: 0, b: 1 },
    ]);
    expect(svg.match(/<rect/g)).toHaveLength(3); // a zero draws nothing
    expect(svg).toContain('<title>w1 · Furthest: 2</title>');
    const fixed = draw('line', [{ p: 'x', a: 0.5, b: 0.2 }], [0, 1]);
    expect(fixed).toContain('>1<');
    expect(fixed).not.toContain('>1.25<');
  });
});
