import { describe, expect, it } from 'vitest';
import { addDays, isCalendarDate, today, ZDate } from './dates';

describe('calendar dates', () => {
  it('a date that does not exist on the calendar is refused, a real one accepted', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26-01-01')).toBe(false);
    expect(ZDate.safeParse('2026-02-30').success).toBe(false);
    expect(ZDate.safeParse('2026-03-01').success).toBe(true);
  });

  it('today is the UTC calendar day, also late in the evening in Berlin', () => {
    expect(today(Date.parse('2026-03-01T23:30:00+01:00'))).toBe('2026-03-01');
    expect(today(Date.parse('2026-03-02T00:30:00+01:00'))).toBe('2026-03-01');
  });

  it('adding days crosses month and year ends, and goes back with a negative number', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
