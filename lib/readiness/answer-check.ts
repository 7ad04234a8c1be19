import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { record } from '../activity/record';
import { isCalendarDate, today } from '../core/dates';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { loadOrganisation } from '../networks/load-organisation';
import { requireMember, type Actor } from '../policies';
import { readinessPolicy } from '../policies/readiness';
import { judge, NOTE_MAX, QUESTIONS, SCALE_MAX, SCALE_MIN, type Answer, type QuestionId } from './questions';
import { CHECK_COLUMNS, presentCheck, type CheckRow } from './records';

/**
 * The body as it arrives: loose on purpose, so each wrong answer is refused
 * with a message that names the question in the person's language (below),
 * not a schema path.
 */
export const ZAnswerCheck = z.object({
  answeredOn: z.unknown().optional(),
  answers: z.unknown(),
});
export type AnswerCheckInput = { answeredOn?: string; answers: { question: string; score: number; note?: string }[] };

/** Checks the seven answers; a 400 naming the question for the first that is wrong. Writes nothing. */
export function parseAnswers(input: unknown, now = Date.now()): { answeredOn: string; answers: Answer[] } {
  const body = (input ?? {}) as { answeredOn?: unknown; answers?: unknown };
  let answeredOn = today(now);
  if (body.answeredOn !== undefined && body.answeredOn !== null && body.answeredOn !== '') {
    if (typeof body.answeredOn !== 'string' || !isCalendarDate(body.answeredOn))
      throw new AppError(400, 'readiness.errors.date');
    if (body.answeredOn > today(now)) throw new AppError(400, 'readiness.errors.dateInFuture');
    answeredOn = body.answeredOn;
  }
  if (!Array.isArray(body.answers)) throw new AppError(400, 'readiness.errors.answers');
  const given = new Map<string, { score?: unknown; note?: unknown }>();
  for (const a of body.answers as unknown[]) {
    const item = (a ?? {}) as { question?: unknown; score?: unknown; note?: unknown };
    if (typeof item.question !== 'string' || !(QUESTIONS as readonly string[]).includes(item.question))
      throw new AppError(400, 'readiness.errors.unknownQuestion');
    if (given.has(item.question)) throw new AppError(400, 'readiness.errors.duplicate', { question: item.question });
    given.set(item.question, item);
  }
  const answers: Answer[] = [];
  for (const question of QUESTIONS) {
    const a = given.get(question);
    if (!a || a.score === undefined || a.score === null || a.score === '')
      throw new AppError(400, 'readiness.errors.missing', { question });
    const score = typeof a.score === 'string' ? Number(a.score) : a.score;
    if (typeof score !== 'number' || !Number.isInteger(score) || score < SCALE_MIN || score > SCALE_MAX)
      throw new AppError(400, 'readiness.errors.score', { question, min: SCALE_MIN, max: SCALE_MAX });
    const note = a.note === undefined || a.note === null ? '' : a.note;
    if (typeof note !== 'string') throw new AppError(400, 'readiness.errors.noteTooLong', { question, max: NOTE_MAX });
    if (note.trim().length > NOTE_MAX)
      throw new AppError(400, 'readiness.errors.noteTooLong', { question: question as QuestionId, max: NOTE_MAX });
    answers.push({ question, score, note: note.trim() });
  }
  return { answeredOn, answers };
}

/**
 * Answers the readiness check for an organisation: the seven statements on a
 * scale 1–5, each with a note, dated (default today; never in the future).
 * Repeatable: each check is kept, so the trend shows. The organisation's own
 * people only (everyone else: 404); the activity row is seen by them alone.
 */
export async function answerReadinessCheck(
  db: Db,
  actor: Actor,
  networkId: string,
  organisationId: string,
  input: unknown,
  now = Date.now(),
) {
  requireMember(actor, networkId);
  readinessPolicy.authorize(actor, 'answer', { networkId, organisationId });
  const { answeredOn, answers } = parseAnswers(input, now);
  const { verdict, applies, average } = judge(answers);
  return db.tx(async (q) => {
    await loadOrganisation(q, networkId, organisationId);
    const id = randomUUID();
    await q.run(
      `INSERT INTO readiness_checks (id, network_id, organisation_id, answered_on, answers, against_count, average_milli,
         verdict, answered_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        networkId,
        organisationId,
        answeredOn,
        JSON.stringify(answers),
        applies.length,
        Math.round(average * 1000),
        verdict,
        actor.userId,
        now,
      ],
    );
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'readiness.answered',
      subjectId: id,
      data: { organisationId, answeredOn, verdict, againstCount: applies.length },
      at: now,
    });
    const row = await q.get<CheckRow>(
      `SELECT ${CHECK_COLUMNS} FROM readiness_checks c LEFT JOIN users u ON u.id = c.answered_by WHERE c.id = ?`,
      [id],
    );
    return readinessPolicy.present(actor, { ...presentCheck(row!), networkId });
  });
}
