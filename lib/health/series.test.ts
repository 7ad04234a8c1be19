import { describe, expect, it } from 'vitest';
import { completeWeeks, downStreak, isDormant, isNetworkDormant, monthsBetween, quarterOf, weekStart } from './series';
import { horizonChange, horizonOf, pairExchanges } from './horizon';
import { addDays } from '../core/dates';

describe('investment trend and the empty-shell warning', () => {
  it('a falling trend: four weeks down in a row make an organisation dormant (N = 4)', () => {
    const falling = [10, 8, 6, 4, 2];
    expect(downStreak(falling)).toBe(4);
    expect(isDormant(falling, 4)).toBe(true);
    expect(isDormant(falling, 5)).toBe(false);
    // falling, then silent: still down every week
    expect(downStreak([9, 7, 0, 0, 0])).toBe(4);
  });

  it('a steady trend is not falling; a recovery ends the streak', () => {
    expect(downStreak([5, 5, 5, 5, 5])).toBe(0);
    expect(isDormant([5, 5, 5, 5, 5], 4)).toBe(false);
    expect(downStreak([10, 8, 6, 4, 7])).toBe(0);
    expect(downStreak([3, 4, 3, 4, 3])).toBe(1);
  });

  it('no investment at all for N weeks is dormant too', () => {
    expect(isDormant([0, 0, 0, 0], 4)).toBe(true);
  });

  it('the network is warned when more than half of its organisations are dormant', () => {
    expect(isNetworkDormant(2, 4)).toBe(false);
    expect(isNetworkDormant(3, 4)).toBe(true);
    expect(isNetworkDormant(0, 0)).toBe(false);
  });

  it('weeks start on Monday; complete weeks end before the current one', () => {
    expect(weekStart('2026-11-30')).toBe('2026-11-30'); // a Monday
    expect(weekStart('2026-12-06')).toBe('2026-11-30'); // the Sunday after
    expect(completeWeeks('2026-12-02', 3)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(quarterOf('2026-11')).toBe('2026-Q4');
    expect(quarterOf('2026-01')).toBe('2026-Q1');
  });
});

describe('the shadow of the future', () => {
  const today = '2026-06-01';
  const ahead = (...ds: number[]) => ds.map((d) => addDays(today, d));

  it('median and furthest planned date; overdue dates are not ahead', () => {
    const h = horizonOf([...ahead(10, 30, 90), addDays(today, -5)], today);
    expect(h).toEqual({ planned: 3, medianDays: 30, furthestDays: 90, furthestDate: '2026-08-30' });
    expect(horizonOf(ahead(10, 20, 30, 40), today).medianDays).toBe(25);
    expect(horizonOf([], today)).toEqual({ planned: 0, medianDays: null, furthestDays: null, furthestDate: null });
  });

  it('a shrinking horizon is warned: median 60 days a quarter ago, 20 days now', () => {
    const before = horizonOf(ahead(30, 60, 90), today);
    const now = horizonOf(ahead(10, 20, 30), today);
    expect(horizonChange(now, before)).toEqual({ ratio: 0.333, shrinking: true });
    // nothing planned any more is the furthest a horizon can shrink
    expect(horizonChange(horizonOf([], today), before)).toEqual({ ratio: 0, shrinking: true });
  });

  it('a growing horizon is not warned: median 20 days a quarter ago, 60 now', () => {
    const before = horizonOf(ahead(10, 20, 30), today);
    const now = horizonOf(ahead(30, 60, 90), today);
    expect(horizonChange(now, before)).toEqual({ ratio: 3, shrinking: false });
    expect(horizonChange(now, null)).toEqual({ ratio: null, shrinking: false });
  });

  it('repeated exchanges per pair count both directions', () => {
    const p = pairExchanges([
      { giver: 'a', receiver: 'b', count: 2 },
      { giver: 'b', receiver: 'a', count: 1 },
      { giver: 'a', receiver: 'c', count: 1 },
    ]);
    expect(p.pairs).toEqual([
      { a: 'a', b: 'b', exchanges: 3 },
      { a: 'a', b: 'c', exchanges: 1 },
    ]);
    expect(p).toMatchObject({ total: 2, repeated: 1, share: 0.5 });
  });
});
