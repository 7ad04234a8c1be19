import { listCommitments } from '../commitments/list-commitments';
import type { Commitment } from '../commitments/records';
import type { Queryable } from '../db/types';
import { listGoals } from '../goals/list-goals';
import type { Goal } from '../goals/records';
import { ENTRY_SELECT, presentEntry, type EntryRow, type LedgerEntry } from '../ledger/records';
import { mayRespond } from '../ledger/rules';
import type { Db } from '../db/types';
import { requireMember, type Actor } from '../policies';

/**
 * The network home as an overview for one person: what waits for them (entries
 * their organisation is asked to confirm, pilots whose review date has come),
 * what is due and overdue, and the goals at a glance with the spread of the
 * organisations' ratings. Everything here is readable by every member; "needs
 * me" is narrowed to what this person may answer (the ledger's `mayRespond`).
 */
export interface RatingSpread {
  /** How many organisations rated the goal. */
  count: number;
  /** Per question: lowest and highest answer (1–5); null when nobody rated it. */
  attractive: [number, number] | null;
  concrete: [number, number] | null;
  flexible: [number, number] | null;
}

export interface NetworkOverview {
  /** Entries waiting for an answer this person may give, oldest first (at most `LIST_LIMIT`). */
  toConfirm: LedgerEntry[];
  toConfirmTotal: number;
  /** Pilot goals and pilot commitments whose review date has come. */
  goalReviewsDue: Goal[];
  commitmentReviewsDue: Commitment[];
  overdue: Commitment[];
  overdueTotal: number;
  dueSoon: Commitment[];
  dueSoonTotal: number;
  /** Days ahead that count as "due soon". */
  soonDays: number;
  goals: (Goal & { ratings: RatingSpread })[];
  goalsTotal: number;
  /** The person's organisation (null for network-wide roles). */
  myOrganisationId: string | null;
}

const LIST_LIMIT = 6;
const SOON_DAYS = 14;
/** Pending entries looked at for "needs me"; a network rarely has more open at once. */
const PENDING_SCAN = 500;

export async function getNetworkOverview(db: Db, actor: Actor, networkId: string): Promise<NetworkOverview> {
  requireMember(actor, networkId);
  const myOrganisationId = actor.membership?.organisationId ?? null;
  const [pending, goalReviews, commitmentReviews, overdue, dueSoon, goals] = await Promise.all([
    db.all<EntryRow>(
      `${ENTRY_SELECT} WHERE e.network_id = ? AND e.status = 'pending' ORDER BY e.created_at, e.id LIMIT ?`,
      [networkId, PENDING_SCAN],
    ),
    listGoals(db, actor, networkId, { review: 'due', sort: 'target_asc', limit: LIST_LIMIT }),
    listCommitments(db, actor, networkId, { view: 'review_due', limit: LIST_LIMIT }),
    listCommitments(db, actor, networkId, { view: 'overdue', limit: LIST_LIMIT }),
    listCommitments(db, actor, networkId, { view: 'due_soon', soonDays: SOON_DAYS, limit: LIST_LIMIT }),
    listGoals(db, actor, networkId, { sort: 'updated_desc', limit: 8 }),
  ]);
  const mine = pending.filter((e) => mayRespond(actor, e));
  const ratings = await ratingSpreads(
    db,
    goals.goals.map((g) => g.id),
  );
  return {
    toConfirm: mine.slice(0, LIST_LIMIT).map(presentEntry),
    toConfirmTotal: mine.length,
    goalReviewsDue: goalReviews.goals,
    commitmentReviewsDue: commitmentReviews.commitments,
    overdue: overdue.commitments,
    overdueTotal: overdue.total,
    dueSoon: dueSoon.commitments,
    dueSoonTotal: dueSoon.total,
    soonDays: SOON_DAYS,
    goals: goals.goals.map((g) => ({ ...g, ratings: ratings.get(g.id) ?? EMPTY_SPREAD })),
    goalsTotal: goals.total,
    myOrganisationId,
  };
}

const EMPTY_SPREAD: RatingSpread = { count: 0, attractive: null, concrete: null, flexible: null };

async function ratingSpreads(q: Queryable, goalIds: string[]): Promise<Map<string, RatingSpread>> {
  const out = new Map<string, RatingSpread>();
  if (goalIds.length === 0) return out;
  const rows = await q.all<{
    goal_id: string;
    n: number | string;
    a_min: number | string;
    a_max: number | string;
    c_min: number | string;
    c_max: number | string;
    f_min: number | string;
    f_max: number | string;
  }>(
    `SELECT goal_id, COUNT(*) AS n, MIN(attractive) AS a_min, MAX(attractive) AS a_max, MIN(concrete) AS c_min,
            MAX(concrete) AS c_max, MIN(flexible) AS f_min, MAX(flexible) AS f_max
       FROM goal_ratings WHERE goal_id IN (${goalIds.map(() => '?').join(',')}) GROUP BY goal_id`,
    goalIds,
  );
  for (const r of rows) {
    out.set(r.goal_id, {
      count: Number(r.n),
      attractive: [Number(r.a_min), Number(r.a_max)],
      concrete: [Number(r.c_min), Number(r.c_max)],
      flexible: [Number(r.f_min), Number(r.f_max)],
    });
  }
  return out;
}
