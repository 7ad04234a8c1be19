import { z } from 'zod';
import { isCalendarDate } from '../core/dates';

/**
 * Meeting times: instants (UTC milliseconds) entered and shown as the
 * network's local time (`networks.time_zone`, IANA). A local time that does
 * not exist (the hour skipped when clocks go forward) moves forward by the
 * gap; one that exists twice (clocks go back) is its first occurrence.
 */

/** `YYYY-MM-DDTHH:mm` (a local wall-clock time) or an ISO instant with `Z` or an offset. */
export const ZMeetingTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/, {
    message: 'YYYY-MM-DDTHH:mm',
  });

const formats = new Map<string, Intl.DateTimeFormat>();
const formatFor = (timeZone: string) => {
  let f = formats.get(timeZone);
  if (!f)
    formats.set(
      timeZone,
      (f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      })),
    );
  return f;
};

const parts = (ms: number, timeZone: string) => {
  const p = Object.fromEntries(
    formatFor(timeZone)
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  );
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
  };
};

/** The zone's offset from UTC at this instant, in milliseconds (Vienna in winter: +3,600,000). */
export function zoneOffset(ms: number, timeZone: string): number {
  const p = parts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant of a wall-clock time in a zone. */
export function zonedToUtc(local: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(local);
  if (!m || !isCalendarDate(`${m[1]}-${m[2]}-${m[3]}`) || +m[4] > 23 || +m[5] > 59 || +(m[6] ?? 0) > 59) return NaN;
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0));
  let t = guess - zoneOffset(guess, timeZone);
  const offset = zoneOffset(t, timeZone);
  if (offset !== guess - t) t = guess - offset;
  return t;
}

/** An input time as an instant: an ISO instant as it is, a wall-clock time in the network's zone. */
export function meetingInstant(input: string, timeZone: string): number {
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(input)) return zonedToUtc(input, timeZone);
  // An instant with an offset: its date and time must be real too (Date.parse rolls 2026-02-30 over).
  const wall = input.replace(/(Z|[+-]\d{2}:\d{2})$/, '');
  return Number.isNaN(zonedToUtc(wall, 'UTC')) ? NaN : Date.parse(input);
}

/** The wall-clock `YYYY-MM-DDTHH:mm` of an instant in a zone (for a form's default value). */
export function localInput(ms: number, timeZone: string): string {
  const p = parts(ms, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** Meetings start and end on the minute. */
export const toMinute = (ms: number) => Math.floor(ms / 60_000) * 60_000;
