import type { Db, Queryable } from '../db/types';
import { requireMember, type Actor } from '../policies';
import { managementMandatePolicy } from '../policies/management-mandate';
import { MANDATE_COLUMNS, presentMandate, type MandateRow } from './records';

/** The most versions one read returns. */
export const MAX_VERSIONS = 30;

/**
 * The management mandate in force (the newest version) and its history,
 * newest first. Every member reads it; `abilities.set` says who may change it.
 */
export async function getManagementMandate(db: Db, actor: Actor, networkId: string, now = Date.now()) {
  requireMember(actor, networkId);
  const rows = await db.all<MandateRow>(
    `SELECT ${MANDATE_COLUMNS} FROM management_mandates m LEFT JOIN users u ON u.id = m.set_by
      WHERE m.network_id = ? ORDER BY m.version DESC LIMIT ${MAX_VERSIONS}`,
    [networkId],
  );
  const versions = rows.map((r) => presentMandate(r, now));
  return {
    current: versions[0] ?? null,
    history: versions,
    abilities: managementMandatePolicy.abilities(actor, { networkId }),
  };
}
export type ManagementMandatePage = Awaited<ReturnType<typeof getManagementMandate>>;

/** The mandate in force only (the network overview's card). */
export async function currentManagementMandate(q: Queryable, networkId: string, now = Date.now()) {
  const row = await q.get<MandateRow>(
    `SELECT ${MANDATE_COLUMNS} FROM management_mandates m LEFT JOIN users u ON u.id = m.set_by
      WHERE m.network_id = ? ORDER BY m.version DESC LIMIT 1`,
    [networkId],
  );
  return row ? presentMandate(row, now) : null;
}
