/**
 * THE schedule: every recurring job, in one list. The runner (worker/) looks
 * at it every few seconds and enqueues each slot that is due, under a key
 * naming the slot, so any number of runners enqueue each slot once.
 *
 * - `everyMinutes: n` — one job per n-minute slot (slots start at multiples of
 *   n minutes since the epoch, UTC). Payload `{}`.
 * - `dailyAt: 'HH:MM', perNetwork: true` — one job per network and local day,
 *   due from that local time in the network's `time_zone` (IANA, e.g.
 *   `Europe/Vienna`). Payload `{ networkId, date }` (`date` the local
 *   YYYY-MM-DD). A runner that was down at that time enqueues it when it comes
 *   back the same day; a day it was down the whole day is skipped, not
 *   repeated. On the day clocks spring forward past the time, it runs at the
 *   first local minute after it; on the day they fall back, once.
 *
 * Only the current slot is ever enqueued: no backlog of missed slots.
 */
export type ScheduleEntry =
  | { name: string; kind: string; everyMinutes: number }
  | { name: string; kind: string; dailyAt: string; perNetwork: true };

export const SCHEDULE: ScheduleEntry[] = [
  { name: 'purge-tickets', kind: 'realtime.purge-tickets', everyMinutes: 1 },
  { name: 'purge-password-resets', kind: 'auth.purge-password-resets', everyMinutes: 60 },
  { name: 'prune-jobs', kind: 'jobs.prune', everyMinutes: 60 },
  // Hourly, so a month's snapshot exists within the hour after it ends (nothing new: one query per network).
  { name: 'health-snapshots', kind: 'health.snapshots', everyMinutes: 60 },
  // Archives may be downloaded for a week (lib/exports); their files go within the hour after.
  { name: 'purge-exports', kind: 'exports.purge', everyMinutes: 60 },
  // Proposals of meetings whose closing time has passed are closed with their outcome (lib/meetings).
  { name: 'close-decisions', kind: 'meetings.close-decisions', everyMinutes: 1 },
  // Daily per network at 07:00 local time: warns once when the management mandate ends within 30 days.
  { name: 'management-mandate-expiry', kind: 'management.mandate-expiry', dailyAt: '07:00', perNetwork: true },
  // Email digests at each person's own local time (lib/notifications/digest.ts): every 5 minutes, the people
  // whose time has come get one job per period (nothing new: no mail).
  { name: 'digests', kind: 'digest.due', everyMinutes: 5 },
];

export const DEFAULT_TIME_ZONE = 'Europe/Vienna';

/** Is `tz` a time zone this runtime knows? */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date (YYYY-MM-DD) and time (HH:MM) at `at` in `timeZone`. */
export function localDateTime(at: number, timeZone: string): { date: string; time: string } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

export interface DueSlot {
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  runAt: number;
  networkId: string | null;
}

/** The slots of `entries` due at `now` (networks with their time zones for the daily ones). */
export function dueSlots(
  entries: readonly ScheduleEntry[],
  now: number,
  networks: readonly { id: string; timeZone: string }[],
): DueSlot[] {
  const out: DueSlot[] = [];
  for (const e of entries) {
    if ('everyMinutes' in e) {
      const every = e.everyMinutes * 60_000;
      const start = Math.floor(now / every) * every;
      out.push({
        kind: e.kind,
        key: `schedule:${e.name}:${new Date(start).toISOString()}`,
        payload: {},
        runAt: start,
        networkId: null,
      });
      continue;
    }
    for (const n of networks) {
      const tz = isTimeZone(n.timeZone) ? n.timeZone : DEFAULT_TIME_ZONE;
      const local = localDateTime(now, tz);
      if (local.time < e.dailyAt) continue;
      out.push({
        kind: e.kind,
        key: `schedule:${e.name}:${n.id}:${local.date}`,
        payload: { networkId: n.id, date: local.date },
        runAt: now,
        networkId: n.id,
      });
    }
  }
  return out;
}
