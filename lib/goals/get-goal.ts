import { listComments } from '../comments/list-comments';
import type { Db } from '../db/types';
import { goalPolicy, requireMember, type Actor } from '../policies';
import { loadGoal, presentGoal } from './records';

export const SCALES = ['attractive', 'concrete', 'flexible'] as const;
export type Scale = (typeof SCALES)[number];

interface RatingRow {
  organisation_id: string;
  organisation_name: string;
  attractive: number;
  concrete: number;
  flexible: number;
  comment: string;
  rated_by: string;
  updated_at: number;
}

/**
 * Spread of the ratings per scale (min, max, mean, standard deviation) and the
 * organisation that diverges most: the largest summed distance from the means.
 */
export function ratingSpread(
  ratings: { organisationId: string; attractive: number; concrete: number; flexible: number }[],
) {
  const scales = Object.fromEntries(
    SCALES.map((s) => {
      const v = ratings.map((r) => r[s]);
      if (!v.length) return [s, null];
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
      return [
        s,
        {
          min: Math.min(...v),
          max: Math.max(...v),
          mean: Math.round(mean * 100) / 100,
          sd: Math.round(sd * 100) / 100,
        },
      ];
    }),
  ) as Record<Scale, { min: number; max: number; mean: number; sd: number } | null>;
  // The organisation whose rating lies furthest from the mean of all. With two ratings both lie equally far
  // (there is no single outlier), and so do several tied at the top: then nobody is named, and `tied` says why.
  let mostDivergent: { organisationId: string; distance: number } | null = null;
  let tied = false;
  if (ratings.length >= 2) {
    const distances = ratings
      .map((r) => ({
        organisationId: r.organisationId,
        distance: Math.round(SCALES.reduce((a, s) => a + Math.abs(r[s] - (scales[s]?.mean ?? 0)), 0) * 100) / 100,
      }))
      .sort((a, b) => b.distance - a.distance);
    const [first, second] = distances;
    if (first.distance > 0) {
      if (Math.abs(first.distance - second.distance) < 0.005) tied = true;
      else mostDivergent = first;
    }
  }
  return {
    count: ratings.length,
    scales,
    mostDivergent: mostDivergent as { organisationId: string; distance: number } | null,
    /** The ratings differ, but no single organisation stands out (always so with two). */
    tied,
  };
}

/** One goal with its ratings, their spread and its comments. Any member of the network may read it. */
export async function getGoal(db: Db, actor: Actor, networkId: string, goalId: string) {
  requireMember(actor, networkId);
  const goal = await loadGoal(db, networkId, goalId);
  const ratingRows = await db.all<RatingRow>(
    `SELECT r.organisation_id, o.name AS organisation_name, r.attractive, r.concrete, r.flexible, r.comment, r.rated_by, r.updated_at
       FROM goal_ratings r JOIN organisations o ON o.id = r.organisation_id
      WHERE r.goal_id = ? ORDER BY o.name`,
    [goalId],
  );
  const ratings = ratingRows.map((r) => ({
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    attractive: Number(r.attractive),
    concrete: Number(r.concrete),
    flexible: Number(r.flexible),
    comment: r.comment,
    ratedBy: r.rated_by,
    updatedAt: Number(r.updated_at),
  }));
  const { comments } = await listComments(db, actor, networkId, 'goal', goalId);
  return {
    goal: goalPolicy.present(actor, presentGoal(goal, goal.organisationIds)),
    ratings,
    spread: ratingSpread(ratings),
    /** Shown and written with the one comments model (lib/comments): hidden ones only for managers and authors. */
    comments,
  };
}
