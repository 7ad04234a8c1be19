import { zoneOffset } from './time';

/**
 * iCalendar (RFC 5545) writing: text escaped (§3.3.11), lines folded at 75
 * octets without splitting a UTF-8 character (§3.1), CRLF line ends, times
 * in the network's time zone with a VTIMEZONE that lists that zone's real
 * transitions (from the platform's time zone data) for the years the events
 * span, so calendars show the right local time on either side of a clock
 * change.
 */

/** Escapes a TEXT value: backslash, semicolon, comma, newlines. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line into lines of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74; // a continuation's leading space counts
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const two = (n: number) => String(n).padStart(2, '0');

/** `YYYYMMDDTHHMMSSZ` */
export function utcStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}T${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`;
}

/** `YYYYMMDDTHHMMSS`, the wall-clock time in a zone (for `;TZID=`). */
export function localStamp(ms: number, timeZone: string): string {
  return utcStamp(ms + zoneOffset(ms, timeZone)).slice(0, -1);
}

/** `YYYYMMDD` of a calendar date `YYYY-MM-DD`. */
export const dateStamp = (date: string) => date.replaceAll('-', '');

const offsetText = (ms: number) => {
  const sign = ms < 0 ? '-' : '+';
  const m = Math.round(Math.abs(ms) / 60_000);
  return `${sign}${two(Math.floor(m / 60))}${two(m % 60)}`;
};

/** The instants the zone's offset changes within [from, to), to the minute. */
export function transitions(
  timeZone: string,
  from: number,
  to: number,
): { at: number; before: number; after: number }[] {
  const out: { at: number; before: number; after: number }[] = [];
  const step = 86_400_000;
  let prev = zoneOffset(from, timeZone);
  for (let t = from + step; t <= to; t += step) {
    const o = zoneOffset(t, timeZone);
    if (o === prev) continue;
    let lo = t - step;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (zoneOffset(mid, timeZone) === prev) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, before: prev, after: o });
    prev = o;
  }
  return out;
}

/** A VTIMEZONE for the zone covering the years of these instants. */
export function vtimezone(timeZone: string, instants: number[]): string[] {
  const years = instants.map((t) => new Date(t).getUTCFullYear());
  const from = Date.UTC(Math.min(...years, new Date().getUTCFullYear()) - 1, 0, 1);
  const to = Date.UTC(Math.max(...years, new Date().getUTCFullYear()) + 1, 11, 31);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const changes = transitions(timeZone, from, to);
  if (!changes.length) {
    const o = offsetText(zoneOffset(from, timeZone));
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${o}`, `TZOFFSETTO:${o}`, 'END:STANDARD');
  } else {
    // The first component starts at the range's start so every instant in the range is covered.
    const first = zoneOffset(from, timeZone);
    lines.push(
      'BEGIN:STANDARD',
      `DTSTART:${utcStamp(from + first).slice(0, -1)}`,
      `TZOFFSETFROM:${offsetText(first)}`,
      `TZOFFSETTO:${offsetText(first)}`,
      'END:STANDARD',
    );
    for (const c of changes) {
      const kind = c.after > c.before ? 'DAYLIGHT' : 'STANDARD';
      lines.push(
        `BEGIN:${kind}`,
        `DTSTART:${utcStamp(c.at + c.before).slice(0, -1)}`,
        `TZOFFSETFROM:${offsetText(c.before)}`,
        `TZOFFSETTO:${offsetText(c.after)}`,
        `END:${kind}`,
      );
    }
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

export interface IcsTimedEvent {
  uid: string;
  sequence: number;
  start: number;
  end: number;
  timeZone: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status?: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  updated: number;
}

export interface IcsDayEvent {
  uid: string;
  date: string;
  summary: string;
  description?: string;
  url?: string;
  updated: number;
}

/** A whole calendar: timed events in their zones, all-day events, folded and CRLF-ended. */
export function calendar(opts: { name: string; timed: IcsTimedEvent[]; days?: IcsDayEvent[]; now?: number }): string {
  const now = opts.now ?? Date.now();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Netzwerkraum//Meetings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  lines.push(`X-WR-CALNAME:${escapeText(opts.name)}`);
  const zones = new Map<string, number[]>();
  for (const e of opts.timed) zones.set(e.timeZone, [...(zones.get(e.timeZone) ?? []), e.start, e.end]);
  for (const [zone, instants] of zones) lines.push(...vtimezone(zone, instants));
  for (const e of opts.timed) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${utcStamp(now)}`,
      `LAST-MODIFIED:${utcStamp(e.updated)}`,
      `SEQUENCE:${e.sequence}`,
      `DTSTART;TZID=${e.timeZone}:${localStamp(e.start, e.timeZone)}`,
      `DTEND;TZID=${e.timeZone}:${localStamp(e.end, e.timeZone)}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push(`STATUS:${e.status ?? 'CONFIRMED'}`, 'END:VEVENT');
  }
  for (const e of opts.days ?? []) {
    const next = new Date(Date.parse(`${e.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${utcStamp(now)}`,
      `LAST-MODIFIED:${utcStamp(e.updated)}`,
      `DTSTART;VALUE=DATE:${dateStamp(e.date)}`,
      `DTEND;VALUE=DATE:${dateStamp(next)}`,
      `SUMMARY:${escapeText(e.summary)}`,
      'TRANSP:TRANSPARENT',
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
