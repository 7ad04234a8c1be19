import { z } from 'zod';
import { isCalendarDate, today } from '../core/dates';
import { AppError } from '../errors';

/**
 * Pilots (concept 6): a goal in status `pilot`, or a commitment, tried for a
 * while; its review date asks "deepen, repeat or stop?".
 *
 * - deepen: the goal becomes `active` (a commitment stays, no longer a pilot);
 * - repeat: it stays a pilot with a new review date;
 * - stop: the goal becomes `dropped` (a commitment is withdrawn with the reason).
 *
 * Network managers and representatives of the organisations taking part decide
 * (policy `pilot.decide`), always with a short reason. Deciding before the
 * review date is allowed, but only when asked for explicitly (`early: true`);
 * otherwise it is refused so nobody closes a pilot by accident.
 *
 * This file holds what every pilot shares; the decisions themselves are
 * `decide-goal-pilot.ts` and `lib/commitments/decide-commitment-pilot.ts`.
 */

/** What a pilot's review decides (concept 6): deepen, repeat or stop. */
export const PILOT_DECISIONS = ['deepen', 'repeat', 'stop'] as const;
export type PilotDecision = (typeof PILOT_DECISIONS)[number];

/** A pilot's review decision recorded with a version. */
export interface PilotDecisionNote {
  decision: 'deepen' | 'repeat' | 'stop';
  reason: string;
  /** Decided before the review date (explicitly asked for). */
  early: boolean;
  nextReviewOn: string | null;
}

/** A pilot whose review date has come: "deepen, repeat or stop?" is due. */
export function isReviewDue(status: string, reviewOn: string | null | undefined, now = Date.now()): boolean {
  return status === 'pilot' && !!reviewOn && reviewOn <= today(now);
}

/** A review date as sent by a browser; checked by `checkReviewDate` for a message that names the problem. */
export const ZReviewDate = z.string().trim().max(40);

/** The review date, or a 400 that says what is wrong with it: malformed, in the past, or absurdly far. */
export function checkReviewDate(value: string | null | undefined, now = Date.now()): string {
  if (value === null || value === undefined || value === '')
    throw new AppError(400, 'cooperation.errors.reviewDateRequired');
  if (!isCalendarDate(value)) throw new AppError(400, 'cooperation.errors.reviewDateMalformed');
  if (value < today(now)) throw new AppError(400, 'cooperation.errors.reviewDatePast');
  if (value > '2100-12-31') throw new AppError(400, 'cooperation.errors.reviewDateRange');
  return value;
}

export const ZDecidePilot = z
  .object({
    decision: z.enum(PILOT_DECISIONS),
    /** Why: required, a sentence is enough. */
    reason: z.string().max(2000),
    /** The next review date, for `repeat` only. */
    nextReviewOn: ZReviewDate.nullable().optional(),
    /** Decide before the review date has come (must be asked for explicitly). */
    early: z.boolean().default(false),
    /** The goal version the person saw (goals only); a newer one is a 409. */
    expectedVersion: z.number().int().positive().optional(),
  })
  .strict();
export type DecidePilot = z.input<typeof ZDecidePilot>;

/** Checks the parts of a decision every pilot shares; returns the note to keep. */
export function decisionNote(
  data: z.output<typeof ZDecidePilot>,
  reviewOn: string | null,
  due: boolean,
  now: number,
): PilotDecisionNote {
  const reason = data.reason.trim();
  if (reason.length < 3) throw new AppError(400, 'cooperation.errors.pilotReasonRequired');
  if (!due && !data.early)
    throw new AppError(
      409,
      reviewOn ? 'cooperation.errors.reviewNotDue' : 'cooperation.errors.reviewNotDueNoDate',
      reviewOn ? { date: reviewOn } : {},
    );
  let nextReviewOn: string | null = null;
  if (data.decision === 'repeat') nextReviewOn = checkReviewDate(data.nextReviewOn, now);
  else if (data.nextReviewOn) throw new AppError(400, 'cooperation.errors.nextReviewOnlyForRepeat');
  return { decision: data.decision, reason, early: !due, nextReviewOn };
}
