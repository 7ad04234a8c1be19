import { record } from '../activity/record';
import { addDays } from '../core/dates';
import type { Queryable } from '../db/types';
import { EXPIRY_WARN_DAYS } from './records';

/**
 * The scheduled warning (job `management.mandate-expiry`, daily per network):
 * when the mandate in force ends within 30 days of `date` (or has ended) and
 * its version was not warned about yet, records `managementMandate.expiring`
 * (every member sees it in the change feed) and marks the version warned, in
 * one transaction with the job's end. Answers whether it warned.
 */
export async function warnMandateExpiry(q: Queryable, networkId: string, date: string, now = Date.now()) {
  const m = await q.get<{ id: string; version: number | string; valid_until: string; expiry_warned_at: unknown }>(
    `SELECT id, version, valid_until, expiry_warned_at FROM management_mandates
      WHERE network_id = ? ORDER BY version DESC LIMIT 1`,
    [networkId],
  );
  if (!m || m.expiry_warned_at !== null || m.valid_until > addDays(date, EXPIRY_WARN_DAYS)) return false;
  const claimed = await q.run(
    'UPDATE management_mandates SET expiry_warned_at = ? WHERE id = ? AND expiry_warned_at IS NULL',
    [now, m.id],
  );
  if (claimed.changes === 0) return false;
  const days = Math.round((Date.parse(m.valid_until) - Date.parse(date)) / 86_400_000);
  await record(q, {
    networkId,
    actorId: null,
    kind: 'managementMandate.expiring',
    subjectId: m.id,
    data: { version: Number(m.version), validUntil: m.valid_until, days },
    at: now,
  });
  return true;
}
