import { z } from 'zod';
import { isCalendarDate, today } from '../core/dates';
import { AppError } from '../errors';

/** The longest period one report covers. */
export const MAX_REPORT_DAYS = 5 * 366;

export const ZReportQuery = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
});
export type ReportQueryInput = z.input<typeof ZReportQuery>;

export interface ReportPeriod {
  from: string;
  to: string;
}

/**
 * The report's period: `from` and `to` calendar days (default: from the first
 * of January of this year until today). A malformed day, a period that ends
 * before it starts or one over five years: 400 with a message in the person's
 * language.
 */
export function resolvePeriod(input: ReportQueryInput, now = Date.now()): ReportPeriod {
  const bad = (v: string | undefined) => v !== undefined && v !== '' && !isCalendarDate(v);
  if (bad(input.from)) throw new AppError(400, 'report.errors.date', { field: 'from' });
  if (bad(input.to)) throw new AppError(400, 'report.errors.date', { field: 'to' });
  const to = input.to || today(now);
  const from = input.from || `${to.slice(0, 4)}-01-01`;
  if (to < from) throw new AppError(400, 'report.errors.toBeforeFrom', { from, to });
  if (Date.parse(to) - Date.parse(from) > MAX_REPORT_DAYS * 86_400_000)
    throw new AppError(400, 'report.errors.periodTooLong', { years: 5 });
  return { from, to };
}

/** The period as instants: from the start of `from` to the end of `to` (UTC). */
export const periodMs = (p: ReportPeriod) => ({
  start: Date.parse(`${p.from}T00:00:00Z`),
  end: Date.parse(`${p.to}T00:00:00Z`) + 86_400_000,
});
