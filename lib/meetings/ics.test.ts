import { describe, expect, it } from 'vitest';
import { parseIcs } from '@/tests/helpers/ics';
import { calendar, escapeText, foldLine, transitions } from './ics';
import { zonedToUtc } from './time';

describe('iCalendar writing (RFC 5545)', () => {
  it('escapes backslash, semicolon, comma and newlines in TEXT', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a UTF-8 character; unfolding gives the line back', () => {
    const line = `SUMMARY:${'Grüße aus Köln – '.repeat(10)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
  });

  it('finds the zone’s clock changes', () => {
    const t = transitions('Europe/Vienna', Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 31));
    expect(t.map((x) => new Date(x.at).toISOString())).toEqual([
      '2026-03-29T01:00:00.000Z',
      '2026-10-25T01:00:00.000Z',
    ]);
    expect(transitions('UTC', Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 31))).toEqual([]);
  });

  it('says the right instant on either side of a clock change, read with its own VTIMEZONE', () => {
    const winter = zonedToUtc('2026-03-28T10:00', 'Europe/Vienna');
    const summer = zonedToUtc('2026-03-30T10:00', 'Europe/Vienna');
    const ny = zonedToUtc('2026-11-02T09:30', 'America/New_York');
    expect(new Date(winter).toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(new Date(summer).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    const body = calendar({
      name: 'Test; calendar, with\\ specials',
      timed: [
        {
          uid: 'a@x',
          sequence: 0,
          start: winter,
          end: winter + 3_600_000,
          timeZone: 'Europe/Vienna',
          summary: 'Winter, before',
          updated: 0,
        },
        {
          uid: 'b@x',
          sequence: 2,
          start: summer,
          end: summer + 3_600_000,
          timeZone: 'Europe/Vienna',
          summary: 'Summer; after',
          updated: 0,
        },
        {
          uid: 'c@x',
          sequence: 0,
          start: ny,
          end: ny + 1_800_000,
          timeZone: 'America/New_York',
          summary: 'New York',
          updated: 0,
        },
      ],
      days: [{ uid: 'd@x', date: '2026-12-24', summary: 'Due', updated: 0 }],
    });
    const cal = parseIcs(body);
    expect(cal.zones.sort()).toEqual(['America/New_York', 'Europe/Vienna']);
    expect(cal.events.map((e) => [e.UID, e.SUMMARY, e.start])).toEqual([
      ['a@x', 'Winter, before', winter],
      ['b@x', 'Summer; after', summer],
      ['c@x', 'New York', ny],
      ['d@x', 'Due', '2026-12-24'],
    ]);
    expect(cal.events[3].end).toBe('2026-12-25');
    expect(body).toContain('DTSTART;TZID=Europe/Vienna:20260330T100000');
  });

  it('reads a wall-clock time that does not exist (spring forward) as the hour after', () => {
    expect(new Date(zonedToUtc('2026-03-29T02:30', 'Europe/Vienna')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(Number.isNaN(zonedToUtc('2026-02-30T10:00', 'Europe/Vienna'))).toBe(true);
  });
});
