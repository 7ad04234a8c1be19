import { describe, expect, it } from 'vitest';
import { periodLabel, periodOf, periodsIn } from './periods';
import { median } from './decision-times';

describe('periods of a mandate', () => {
  it('finds the month or quarter a day falls in, across the year end', () => {
    expect(periodOf('2026-11-30', 'month')).toEqual({ start: '2026-11-01', end: '2026-12-01' });
    expect(periodOf('2026-12-31', 'month')).toEqual({ start: '2026-12-01', end: '2027-01-01' });
    expect(periodOf('2026-11-30', 'quarter')).toEqual({ start: '2026-10-01', end: '2027-01-01' });
    expect(periodOf('2026-02-14', 'quarter')).toEqual({ start: '2026-01-01', end: '2026-04-01' });
    expect(periodLabel('2026-05-02', 'quarter')).toBe('2026-Q2');
    expect(periodLabel('2026-05-02', 'month')).toBe('2026-05');
  });
  it('counts the periods a range touches', () => {
    expect(periodsIn('2026-01-15', '2026-03-02', 'month')).toBe(3);
    expect(periodsIn('2026-01-15', '2026-03-02', 'quarter')).toBe(1);
    expect(periodsIn('2026-03-31', '2026-04-01', 'quarter')).toBe(2);
    expect(periodsIn('2026-04-01', '2026-03-01', 'month')).toBe(0);
  });
  it('takes the median of an even and an odd number of times', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});
