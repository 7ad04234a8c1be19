import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { record } from '../activity/record';
import { ZDate, addDays, today } from '../core/dates';
import { ZIdempotencyKey } from '../core/idempotency';
import { validate } from '../core/validate';
import { isUniqueViolation } from '../db/errors';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { loadGoal } from '../goals/records';
import { assessGift, openGiftApproval } from '../mandates/gift-approval';
import { loadOrganisation } from '../networks/load-organisation';
import { authorize, requireMember, type Actor } from '../policies';
import { ENTRY_KINDS, ENTRY_SELECT, insertEntry, presentEntry, type EntryRow } from './records';
import { ZAmount, ZUnit, checkUnitAmount, toMilli } from './units';

export const ZRecordEntry = z.object({
  /** The organisation recording (the actor's own). */
  organisationId: z.uuid(),
  kind: z.enum(ENTRY_KINDS),
  /** The other side; null: the network as a whole. */
  partnerOrganisationId: z.uuid().nullable(),
  unit: ZUnit,
  amount: ZAmount,
  date: ZDate,
  description: z.string().trim().max(2000).default(''),
  goalId: z.uuid().nullable().default(null),
  idempotencyKey: ZIdempotencyKey.optional(),
});
export type RecordEntry = z.input<typeof ZRecordEntry>;

/**
 * Records that one organisation gave something to another (or to the network
 * as a whole), took something from it, or shared something with it. Only a
 * representative of the recording organisation may (managers cannot forge
 * another organisation's entries). The entry waits for the other side to
 * confirm or dispute it — unless it is a gift beyond a mandate that covers
 * gifts: then it first waits for the home organisation (`mandate` in the
 * answer says so, and what remains of the mandate). A retry with the same idempotency key returns the
 * entry already recorded instead of writing a second one.
 */
export async function recordEntry(db: Db, actor: Actor, networkId: string, input: RecordEntry) {
  requireMember(actor, networkId);
  const data = validate(ZRecordEntry, input);
  authorize(actor, 'ledger.record', { type: 'organisation', networkId, organisationId: data.organisationId });
  if (data.partnerOrganisationId === data.organisationId) throw new AppError(400, 'cooperation.errors.selfEntry');
  const now = Date.now();
  if (data.date < '1990-01-01' || data.date > addDays(today(now), 1))
    throw new AppError(400, 'cooperation.errors.entryDateRange');

  if (data.idempotencyKey) {
    const replay = await findReplay(db, networkId, data.idempotencyKey, actor.userId);
    if (replay) return replay;
  }
  const giver = data.kind === 'take' ? data.partnerOrganisationId : data.organisationId;
  const receiver = data.kind === 'take' ? data.organisationId : data.partnerOrganisationId;
  const id = randomUUID();
  try {
    return await db.tx(async (q) => {
      await loadOrganisation(q, networkId, data.organisationId);
      if (data.partnerOrganisationId) await loadOrganisation(q, networkId, data.partnerOrganisationId);
      await checkUnitAmount(q, networkId, data.unit, data.amount);
      if (data.goalId) await loadGoal(q, networkId, data.goalId);
      const row: EntryRow = {
        id,
        network_id: networkId,
        kind: data.kind,
        giver_org_id: giver,
        receiver_org_id: receiver,
        recorder_org_id: data.organisationId,
        counterparty_org_id: data.partnerOrganisationId,
        unit: data.unit,
        amount_milli: toMilli(data.amount),
        occurred_on: data.date,
        description: data.description,
        goal_id: data.goalId,
        status: 'pending',
        response_comment: '',
        responded_by: null,
        responded_at: null,
        reverses_id: null,
        recorded_by: actor.userId,
        created_at: now,
        idempotency_key: data.idempotencyKey ?? null,
      };
      // A gift beyond a mandate that covers gifts waits for home (lib/mandates/gift-approval.ts).
      const mandate = await assessGift(q, row, actor.userId);
      if (!mandate.within) row.status = 'awaiting_home_approval';
      await insertEntry(q, row);
      if (!mandate.within) await openGiftApproval(q, row, mandate, actor.userId, now);
      await record(q, {
        networkId,
        actorId: actor.userId,
        kind: mandate.within ? 'ledger.recorded' : 'ledger.home_approval_requested',
        subjectId: id,
        data: { kind: data.kind, giverOrgId: giver, receiverOrgId: receiver, unit: data.unit, amount: data.amount },
        at: now,
      });
      return { ...presentEntry(row), replayed: false, mandate };
    });
  } catch (err) {
    if (data.idempotencyKey && isUniqueViolation(err)) {
      const replay = await findReplay(db, networkId, data.idempotencyKey, actor.userId);
      if (replay) return replay;
    }
    throw err;
  }
}

async function findReplay(db: Db, networkId: string, key: string, userId: string) {
  const row = await db.get<EntryRow>(`${ENTRY_SELECT} WHERE e.network_id = ? AND e.idempotency_key = ?`, [
    networkId,
    key,
  ]);
  if (!row) return null;
  // Someone else's key: never hand their entry out, never write a second one.
  if (row.recorded_by !== userId) throw new AppError(409, 'cooperation.errors.idempotencyConflict');
  return { ...presentEntry(row), replayed: true, mandate: null };
}
