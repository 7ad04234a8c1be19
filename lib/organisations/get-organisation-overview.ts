import { listFeed } from '../activity/list-feed';
import { listCommitments } from '../commitments/list-commitments';
import type { Db } from '../db/types';
import { getBalances } from '../ledger/get-balances';
import { loadOrganisationWithHistory } from '../networks/load-organisation';
import { requireMember, type Actor } from '../policies';

/**
 * An organisation's cooperation page: its ratings of goals, what it gave and
 * received per partner and unit, its commitments (open, overdue, delivered)
 * and its recent activity. Every member of the network may read it.
 */
export async function getOrganisationOverview(db: Db, actor: Actor, networkId: string, organisationId: string) {
  requireMember(actor, networkId);
  // An organisation that left keeps its history readable: no refusal here.
  const org = await loadOrganisationWithHistory(db, networkId, organisationId);
  const ratings = await db.all<{
    goal_id: string;
    title: string;
    attractive: number;
    concrete: number;
    flexible: number;
    comment: string;
    updated_at: number;
  }>(
    `SELECT r.goal_id, g.title, r.attractive, r.concrete, r.flexible, r.comment, r.updated_at
       FROM goal_ratings r JOIN goals g ON g.id = r.goal_id
      WHERE r.organisation_id = ? AND g.network_id = ? ORDER BY r.updated_at DESC LIMIT 100`,
    [organisationId, networkId],
  );
  const bal = await getBalances(db, actor, networkId, { organisationId });
  const [open, overdue, delivered] = await Promise.all([
    listCommitments(db, actor, networkId, { organisationId, view: 'open', limit: 50 }),
    listCommitments(db, actor, networkId, { organisationId, view: 'overdue', limit: 50 }),
    listCommitments(db, actor, networkId, { organisationId, view: 'delivered', limit: 20 }),
  ]);
  const activity = await listFeed(db, actor, networkId, { organisationId, limit: 20 });
  return {
    organisation: { id: org.id, name: org.name, status: org.status },
    ratings: ratings.map((r) => ({
      goalId: r.goal_id,
      goalTitle: r.title,
      attractive: Number(r.attractive),
      concrete: Number(r.concrete),
      flexible: Number(r.flexible),
      comment: r.comment,
      updatedAt: Number(r.updated_at),
    })),
    totals: bal.organisations,
    partners: bal.pairs.filter((p) => p.giverOrgId === organisationId || p.receiverOrgId === organisationId),
    commitments: { open, overdue, delivered },
    activity,
  };
}
