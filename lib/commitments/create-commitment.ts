import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { record } from '../activity/record';
import { refuseInPast, ZDate } from '../core/dates';
import { ZIdempotencyKey } from '../core/idempotency';
import { validate } from '../core/validate';
import { isUniqueViolation } from '../db/errors';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { checkReviewDate, ZReviewDate } from '../goals/pilot';
import { loadGoal } from '../goals/records';
import { ZAmount, ZUnit, checkUnitAmount, toMilli } from '../ledger/units';
import { loadOrganisation } from '../networks/load-organisation';
import { authorize, requireMember, type Actor } from '../policies';
import { assessCommitment, openHomeApproval } from './home-approval';
import { presentCommitment, type CommitmentRow } from './records';

export const ZCreateCommitment = z.object({
  organisationId: z.uuid(),
  goalId: z.uuid(),
  unit: ZUnit,
  amount: ZAmount,
  dueOn: ZDate,
  note: z.string().trim().max(2000).default(''),
  /** Marks the commitment as a pilot with this review date ("deepen, repeat or stop?"). */
  pilotReviewOn: ZReviewDate.nullable().default(null),
  /** Commit at once instead of only proposing. */
  commit: z.boolean().default(false),
  idempotencyKey: ZIdempotencyKey.optional(),
});
export type CreateCommitment = z.input<typeof ZCreateCommitment>;

/**
 * An organisation commits (or proposes to commit) an amount of a unit to a
 * goal by a date. Only a representative of that organisation may; they are
 * recorded as the one who committed. Beyond their mandate the commitment
 * waits for home approval. With `pilotReviewOn` it is a pilot, reviewed on that
 * date (not in the past). A retry with the same idempotency key returns the
 * commitment already made.
 */
export async function createCommitment(db: Db, actor: Actor, networkId: string, input: CreateCommitment) {
  requireMember(actor, networkId);
  const data = validate(ZCreateCommitment, input);
  authorize(actor, 'commitment.manage', { type: 'organisation', networkId, organisationId: data.organisationId });
  refuseInPast(data.dueOn, 'dueOn', Date.now());
  if (data.dueOn < '2000-01-01' || data.dueOn > '2100-12-31')
    throw new AppError(400, 'cooperation.errors.dueDateRange');
  const pilotReviewOn = data.pilotReviewOn === null ? null : checkReviewDate(data.pilotReviewOn);
  const replay = async () => {
    if (!data.idempotencyKey) return null;
    const row = await db.get<CommitmentRow>('SELECT * FROM commitments WHERE network_id = ? AND idempotency_key = ?', [
      networkId,
      data.idempotencyKey,
    ]);
    if (!row) return null;
    if (row.committed_by !== actor.userId) throw new AppError(409, 'cooperation.errors.idempotencyConflict');
    return { ...presentCommitment(row), replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const now = Date.now();
  const id = randomUUID();
  try {
    return await db.tx(async (q) => {
      await loadOrganisation(q, networkId, data.organisationId);
      await loadGoal(q, networkId, data.goalId);
      await checkUnitAmount(q, networkId, data.unit, data.amount);
      const row: CommitmentRow = {
        id,
        network_id: networkId,
        goal_id: data.goalId,
        organisation_id: data.organisationId,
        unit: data.unit,
        amount_milli: toMilli(data.amount),
        due_on: data.dueOn,
        note: data.note,
        status: 'proposed',
        committed_by: actor.userId,
        withdraw_reason: '',
        created_at: now,
        updated_at: now,
        delivered_at: null,
        idempotency_key: data.idempotencyKey ?? null,
        pilot_review_on: pilotReviewOn,
      };
      const assessment = data.commit ? await assessCommitment(q, row, actor.userId) : null;
      if (assessment) row.status = assessment.within ? 'committed' : 'awaiting_home_approval';
      await q.run(
        `INSERT INTO commitments (id, network_id, goal_id, organisation_id, unit, amount_milli, due_on, note, status, committed_by,
           withdraw_reason, created_at, updated_at, delivered_at, idempotency_key, pilot_review_on, committed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, NULL, ?, ?, ?)`,
        [
          id,
          networkId,
          row.goal_id,
          row.organisation_id,
          row.unit,
          Number(row.amount_milli),
          row.due_on,
          row.note,
          row.status,
          actor.userId,
          now,
          now,
          row.idempotency_key,
          pilotReviewOn,
          row.status === 'committed' ? now : null,
        ],
      );
      if (assessment && !assessment.within) await openHomeApproval(q, row, assessment, actor.userId, now);
      await record(q, {
        networkId,
        actorId: actor.userId,
        kind:
          row.status === 'committed'
            ? 'commitment.committed'
            : row.status === 'proposed'
              ? 'commitment.created'
              : 'commitment.approval_requested',
        subjectId: id,
        data: {
          goalId: row.goal_id,
          organisationId: row.organisation_id,
          unit: row.unit,
          amount: data.amount,
          dueOn: row.due_on,
          ...(pilotReviewOn ? { pilotReviewOn } : {}),
        },
        at: now,
      });
      return { ...presentCommitment(row), replayed: false };
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      const again = await replay();
      if (again) return again;
    }
    throw err;
  }
}
