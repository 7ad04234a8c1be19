import { z } from 'zod';
import { addDays, isCalendarDate, today } from '../core/dates';
import { AppError } from '../errors';

/**
 * The network management's mandate (concept 3): who gave the management which
 * resources (hours, money), which authority (what it may decide alone) and
 * which tasks, from when until when. Versioned: a change is a new row, the
 * newest version is the one in force, and the history stays visible.
 */

export const RESOURCE_UNITS = ['hours', 'money_eur'] as const;
export const RESOURCE_PERIODS = ['month', 'quarter', 'year', 'total'] as const;
/** The largest amount per resource line: anything above is a typo. */
export const RESOURCE_MAX: Record<(typeof RESOURCE_UNITS)[number], number> = { hours: 100_000, money_eur: 100_000_000 };
/** How many days before its end the mandate warns. */
export const EXPIRY_WARN_DAYS = 30;
/** Limits of the texts. */
export const LIMITS = { givenBy: 300, authority: 4000, task: 300, tasks: 30, note: 2000, resources: 10 } as const;

export interface Resource {
  unit: (typeof RESOURCE_UNITS)[number];
  amount: number;
  per: (typeof RESOURCE_PERIODS)[number];
}

export interface MandateInput {
  givenBy: string;
  resources: Resource[];
  authority: string;
  tasks: string[];
  validFrom: string;
  validUntil: string;
  note: string;
}

/** The body as it arrives: loose, so each refusal names the field in the person's language (parseMandate). */
export const ZSetManagementMandate = z.object({
  givenBy: z.unknown(),
  resources: z.unknown().optional(),
  authority: z.unknown(),
  tasks: z.unknown(),
  validFrom: z.unknown(),
  validUntil: z.unknown(),
  note: z.unknown().optional(),
});

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Checks a mandate; a 400 with a message naming the first wrong field. Writes nothing. */
export function parseMandate(input: unknown): MandateInput {
  const b = (input ?? {}) as Record<string, unknown>;
  const givenBy = text(b.givenBy);
  if (!givenBy) throw new AppError(400, 'management.errors.givenBy');
  if (givenBy.length > LIMITS.givenBy)
    throw new AppError(400, 'management.errors.tooLong', { field: 'givenBy', max: LIMITS.givenBy });
  const authority = text(b.authority);
  if (!authority) throw new AppError(400, 'management.errors.authority');
  if (authority.length > LIMITS.authority)
    throw new AppError(400, 'management.errors.tooLong', { field: 'authority', max: LIMITS.authority });
  const rawTasks = Array.isArray(b.tasks) ? b.tasks : typeof b.tasks === 'string' ? b.tasks.split('\n') : null;
  if (!rawTasks) throw new AppError(400, 'management.errors.tasks');
  const tasks = rawTasks.map(text).filter(Boolean);
  if (tasks.length === 0) throw new AppError(400, 'management.errors.tasks');
  if (tasks.length > LIMITS.tasks) throw new AppError(400, 'management.errors.tooManyTasks', { max: LIMITS.tasks });
  if (tasks.some((t) => t.length > LIMITS.task))
    throw new AppError(400, 'management.errors.tooLong', { field: 'tasks', max: LIMITS.task });
  const rawResources = b.resources === undefined || b.resources === null ? [] : b.resources;
  if (!Array.isArray(rawResources) || rawResources.length > LIMITS.resources)
    throw new AppError(400, 'management.errors.resources');
  const resources: Resource[] = rawResources.map((r: unknown) => {
    const x = (r ?? {}) as Record<string, unknown>;
    if (
      !(RESOURCE_UNITS as readonly unknown[]).includes(x.unit) ||
      !(RESOURCE_PERIODS as readonly unknown[]).includes(x.per)
    )
      throw new AppError(400, 'management.errors.resources');
    const unit = x.unit as Resource['unit'];
    const amount = typeof x.amount === 'string' && x.amount.trim() !== '' ? Number(x.amount) : x.amount;
    if (
      typeof amount !== 'number' ||
      !Number.isFinite(amount) ||
      amount <= 0 ||
      amount > RESOURCE_MAX[unit] ||
      Math.abs(Math.round(amount * 100) - amount * 100) > 1e-6
    )
      throw new AppError(400, 'management.errors.amount', { unit, max: RESOURCE_MAX[unit] });
    return { unit, amount, per: x.per as Resource['per'] };
  });
  const validFrom = text(b.validFrom);
  if (!isCalendarDate(validFrom)) throw new AppError(400, 'management.errors.validFrom');
  const validUntil = text(b.validUntil);
  if (!isCalendarDate(validUntil)) throw new AppError(400, 'management.errors.validUntil');
  if (validUntil < validFrom)
    throw new AppError(400, 'management.errors.untilBeforeFrom', { from: validFrom, until: validUntil });
  if (Date.parse(validUntil) - Date.parse(validFrom) > 10 * 366 * 86_400_000)
    throw new AppError(400, 'management.errors.tooLongValid', { years: 10 });
  const note = text(b.note);
  if (note.length > LIMITS.note)
    throw new AppError(400, 'management.errors.tooLong', { field: 'note', max: LIMITS.note });
  return { givenBy, resources, authority, tasks, validFrom, validUntil, note };
}

export interface MandateRow {
  id: string;
  network_id: string;
  version: number | string;
  given_by: string;
  resources: string;
  authority: string;
  tasks: string;
  valid_from: string;
  valid_until: string;
  note: string;
  set_by: string;
  set_by_name?: string | null;
  created_at: number | string;
  expiry_warned_at: number | string | null;
}

export const MANDATE_COLUMNS = `m.id, m.network_id, m.version, m.given_by, m.resources, m.authority, m.tasks, m.valid_from,
  m.valid_until, m.note, m.set_by, u.name AS set_by_name, m.created_at, m.expiry_warned_at`;

export type MandateState = 'upcoming' | 'active' | 'expiring' | 'expired';

/** Where the mandate stands on `day`: not yet, in force, ending within 30 days, ended. */
export function mandateState(
  validFrom: string,
  validUntil: string,
  day: string,
): { state: MandateState; daysLeft: number } {
  const daysLeft = Math.round((Date.parse(validUntil) - Date.parse(day)) / 86_400_000);
  if (validUntil < day) return { state: 'expired', daysLeft };
  if (validFrom > day) return { state: 'upcoming', daysLeft };
  if (validUntil <= addDays(day, EXPIRY_WARN_DAYS)) return { state: 'expiring', daysLeft };
  return { state: 'active', daysLeft };
}

export function presentMandate(r: MandateRow, now = Date.now()) {
  return {
    id: r.id,
    version: Number(r.version),
    givenBy: r.given_by,
    resources: JSON.parse(r.resources) as Resource[],
    authority: r.authority,
    tasks: JSON.parse(r.tasks) as string[],
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    note: r.note,
    setBy: { id: r.set_by, name: r.set_by_name ?? '' },
    setAt: Number(r.created_at),
    ...mandateState(r.valid_from, r.valid_until, today(now)),
  };
}
export type ManagementMandate = ReturnType<typeof presentMandate>;
