/**
 * A small, strict iCalendar (RFC 5545) reader for tests: unfolds lines,
 * unescapes TEXT values, and turns `DTSTART;TZID=…` into an instant using the
 * file's own VTIMEZONE (not the platform's zone data), so a test proves the
 * file says the right time on its own — what a calendar app importing it does.
 */
export interface IcsEvent {
  [prop: string]: string | number | undefined;
  UID: string;
  SUMMARY: string;
  /** The start as an instant (ms), or for an all-day event its date `YYYY-MM-DD`. */
  start: number | string;
  end: number | string;
}

const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

interface Line {
  name: string;
  params: Record<string, string>;
  value: string;
}

export function unfold(text: string): string[] {
  if (!text.endsWith('\r\n')) throw new Error('an iCalendar file ends with CRLF');
  if (/[^\r]\n/.test(text)) throw new Error('bare LF line end');
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l.length);
}

function parseLine(l: string): Line {
  const colon = l.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  const head = l.slice(0, colon);
  const [name, ...params] = head.split(';');
  return {
    name: name.toUpperCase(),
    params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])),
    value: l.slice(colon + 1),
  };
}

const offsetMs = (o: string) => {
  const m = /^([+-])(\d{2})(\d{2})$/.exec(o);
  if (!m) throw new Error(`bad offset ${o}`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
};
const localMs = (v: string) => {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(v);
  if (!m) throw new Error(`bad date-time ${v}`);
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
};

export function parseIcs(text: string) {
  const lines = unfold(text).map(parseLine);
  if (lines[0]?.name !== 'BEGIN' || lines[0].value !== 'VCALENDAR') throw new Error('not a VCALENDAR');
  const zones = new Map<string, { onset: number; from: number; to: number }[]>();
  const events: IcsEvent[] = [];
  let zone: string | null = null;
  let comp: Record<string, string> | null = null;
  let event: { props: Record<string, Line> } | null = null;
  for (const l of lines) {
    if (l.name === 'BEGIN' && l.value === 'VTIMEZONE') zone = '';
    else if (l.name === 'TZID' && zone === '') {
      zone = l.value;
      zones.set(zone, []);
    } else if (l.name === 'BEGIN' && (l.value === 'STANDARD' || l.value === 'DAYLIGHT')) comp = {};
    else if (l.name === 'END' && (l.value === 'STANDARD' || l.value === 'DAYLIGHT') && comp && zone) {
      const from = offsetMs(comp.TZOFFSETFROM);
      zones.get(zone)!.push({ onset: localMs(comp.DTSTART) - from, from, to: offsetMs(comp.TZOFFSETTO) });
      comp = null;
    } else if (comp) comp[l.name] = l.value;
    else if (l.name === 'END' && l.value === 'VTIMEZONE') zone = null;
    else if (l.name === 'BEGIN' && l.value === 'VEVENT') event = { props: {} };
    else if (l.name === 'END' && l.value === 'VEVENT' && event) {
      const p = event.props;
      const time = (x: Line | undefined): number | string => {
        if (!x) return '';
        if (x.params.VALUE === 'DATE') return `${x.value.slice(0, 4)}-${x.value.slice(4, 6)}-${x.value.slice(6, 8)}`;
        if (x.value.endsWith('Z')) return localMs(x.value);
        const comps = (zones.get(x.params.TZID) ?? []).sort((a, b) => a.onset - b.onset);
        if (!comps.length) throw new Error(`no VTIMEZONE for ${x.params.TZID}`);
        const local = localMs(x.value);
        const offsetAt = (u: number) => {
          let o = comps[0].from;
          for (const c of comps) if (c.onset <= u) o = c.to;
          return o;
        };
        for (const c of comps) for (const o of [c.from, c.to]) if (offsetAt(local - o) === o) return local - o;
        throw new Error(`local time ${x.value} does not exist in ${x.params.TZID}`);
      };
      const e: IcsEvent = { UID: '', SUMMARY: '', start: time(p.DTSTART), end: time(p.DTEND) };
      for (const [k, v] of Object.entries(p)) if (k !== 'DTSTART' && k !== 'DTEND') e[k] = unescape(v.value);
      events.push(e);
      event = null;
    } else if (event) event.props[l.name] = l;
  }
  if (lines[lines.length - 1]?.name !== 'END') throw new Error('unterminated VCALENDAR');
  return { events, zones: [...zones.keys()] };
}
