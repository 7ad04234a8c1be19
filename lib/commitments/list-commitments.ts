import { z } from 'zod';
import { addDays, today } from '../core/dates';
import { validate } from '../core/validate';
import type { Db, Param } from '../db/types';
import { commitmentPolicy, requireMember, type Actor } from '../policies';
import { presentCommitment, type CommitmentRow } from './records';

export const COMMITMENT_VIEWS = ['all', 'open', 'due_soon', 'overdue', 'review_due', 'delivered', 'withdrawn'] as const;
export const ZListCommitments = z.object({
  goalId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  view: z.enum(COMMITMENT_VIEWS).default('all'),
  /** Days ahead that count as "due soon". */
  soonDays: z.coerce.number().int().min(1).max(365).default(14),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListCommitments = z.input<typeof ZListCommitments>;

const OPEN = "c.status IN ('proposed', 'awaiting_home_approval', 'committed')";

/**
 * Commitments per goal, per organisation, due soon, overdue (open and past
 * their date), pilots due for review, delivered or withdrawn; soonest first. Every member may read them.
 */
export async function listCommitments(db: Db, actor: Actor, networkId: string, input: ListCommitments = {}) {
  requireMember(actor, networkId);
  const f = validate(ZListCommitments, input);
  const now = Date.now();
  const day = today(now);
  const where = ['c.network_id = ?'];
  const params: Param[] = [networkId];
  if (f.goalId) {
    where.push('c.goal_id = ?');
    params.push(f.goalId);
  }
  if (f.organisationId) {
    where.push('c.organisation_id = ?');
    params.push(f.organisationId);
  }
  switch (f.view) {
    case 'open':
      where.push(OPEN);
      break;
    case 'due_soon':
      where.push(OPEN, 'c.due_on >= ?', 'c.due_on <= ?');
      params.push(day, addDays(day, f.soonDays));
      break;
    case 'overdue':
      where.push(OPEN, 'c.due_on < ?');
      params.push(day);
      break;
    case 'review_due':
      // Open pilots whose review date has come.
      where.push(OPEN, 'c.pilot_review_on IS NOT NULL', 'c.pilot_review_on <= ?');
      params.push(day);
      break;
    case 'delivered':
    case 'withdrawn':
      where.push('c.status = ?');
      params.push(f.view);
      break;
  }
  const sql = where.join(' AND ');
  const total = await db.get<{ c: number }>(`SELECT COUNT(*) AS c FROM commitments c WHERE ${sql}`, params);
  const rows = await db.all<CommitmentRow>(
    `SELECT c.*, g.title AS goal_title, o.name AS organisation_name, u.name AS committed_by_name
       FROM commitments c JOIN goals g ON g.id = c.goal_id JOIN organisations o ON o.id = c.organisation_id LEFT JOIN users u ON u.id = c.committed_by
      WHERE ${sql} ORDER BY c.due_on ${f.view === 'delivered' || f.view === 'withdrawn' ? 'DESC' : 'ASC'}, c.created_at, c.id LIMIT ? OFFSET ?`,
    [...params, f.limit, f.offset],
  );
  const evidence = rows.length
    ? await db.all<{ commitment_id: string; entry_id: string }>(
        `SELECT commitment_id, entry_id FROM commitment_evidence WHERE commitment_id IN (${rows.map(() => '?').join(',')})`,
        rows.map((r) => r.id),
      )
    : [];
  return {
    total: Number(total?.c ?? 0),
    limit: f.limit,
    offset: f.offset,
    commitments: rows.map((r) =>
      commitmentPolicy.present(
        actor,
        presentCommitment(
          r,
          evidence.filter((e) => e.commitment_id === r.id).map((e) => e.entry_id),
          now,
        ),
      ),
    ),
  };
}
