import { z } from 'zod';
import type { Queryable } from '../db/types';
import { AppError } from '../errors';
import { judge, QUESTIONS, type Answer, type QuestionId, type Verdict } from './questions';

export interface CheckRow {
  id: string;
  network_id: string;
  organisation_id: string;
  answered_on: string;
  answers: string;
  against_count: number | string;
  average_milli: number | string;
  verdict: string;
  answered_by: string;
  answered_by_name?: string | null;
  created_at: number | string;
  shared_at: number | string | null;
}

const ZStoredAnswers = z.array(
  z.object({ question: z.enum(QUESTIONS), score: z.number(), note: z.string() }),
) as z.ZodType<Answer[]>;

export const CHECK_COLUMNS = `c.id, c.network_id, c.organisation_id, c.answered_on, c.answers, c.against_count, c.average_milli,
  c.verdict, c.answered_by, u.name AS answered_by_name, c.created_at, c.shared_at`;

/** A check as its organisation's people see it: every answer with its note. */
export function presentCheck(r: CheckRow) {
  const answers = ZStoredAnswers.parse(JSON.parse(r.answers));
  return {
    id: r.id,
    organisationId: r.organisation_id,
    answeredOn: r.answered_on,
    answers,
    applies: judge(answers).applies,
    againstCount: Number(r.against_count),
    average: Number(r.average_milli) / 1000,
    verdict: r.verdict as Verdict,
    answeredBy: { id: r.answered_by, name: r.answered_by_name ?? '' },
    createdAt: Number(r.created_at),
    shared: r.shared_at !== null,
    sharedAt: r.shared_at === null ? null : Number(r.shared_at),
  };
}
export type ReadinessCheck = ReturnType<typeof presentCheck>;

/**
 * What may leave the organisation when it shares: the date, the verdict and
 * which statements apply. Never the scores' notes, never who answered.
 */
export interface ReadinessSummary {
  checkId: string;
  organisationId: string;
  answeredOn: string;
  verdict: Verdict;
  applies: QuestionId[];
  againstCount: number;
  average: number;
  shared: boolean;
}

export function summaryOf(c: ReadinessCheck): ReadinessSummary {
  return {
    checkId: c.id,
    organisationId: c.organisationId,
    answeredOn: c.answeredOn,
    verdict: c.verdict,
    applies: c.applies,
    againstCount: c.againstCount,
    average: c.average,
    shared: c.shared,
  };
}

/** The check of this organisation, or 404. */
export async function loadCheck(q: Queryable, networkId: string, organisationId: string, id: string) {
  const row = z.uuid().safeParse(id).success
    ? await q.get<CheckRow>(
        `SELECT ${CHECK_COLUMNS} FROM readiness_checks c LEFT JOIN users u ON u.id = c.answered_by
          WHERE c.id = ? AND c.network_id = ? AND c.organisation_id = ?`,
        [id, networkId, organisationId],
      )
    : undefined;
  if (!row) throw new AppError(404, 'readiness.errors.checkNotFound');
  return row;
}
