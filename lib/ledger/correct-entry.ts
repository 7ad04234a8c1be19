import { reopenDeliveriesShownBy } from './evidence';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { record } from '../activity/record';
import { today } from '../core/dates';
import { validate } from '../core/validate';
import { isUniqueViolation } from '../db/errors';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { ledgerEntryPolicy, requireMember, type Actor } from '../policies';
import { insertEntry, loadEntry, presentEntry, type EntryRow } from './records';

export const ZCorrectEntry = z.object({ reason: z.string().trim().min(3).max(2000) });
export type CorrectEntry = z.input<typeof ZCorrectEntry>;

/**
 * Corrects an entry by a new entry that reverses it (same sides and unit,
 * the negative amount), linked to it; entries are never edited or deleted.
 * Only a representative of the organisation that recorded it may.
 * - A confirmed entry stays confirmed; its reversal waits for the other side
 *   to confirm, like any entry (until then both count: one confirmed, one pending).
 * - A pending or disputed entry and its reversal are both marked `reversed`
 *   and count in no balance.
 * An entry is reversed at most once (409); a reversal is not itself reversed,
 * but a reversal the other side disputed can be withdrawn by its recorder
 * (the way out: it counts nowhere, and the original may be corrected anew).
 */
export async function correctEntry(db: Db, actor: Actor, networkId: string, entryId: string, input: CorrectEntry) {
  requireMember(actor, networkId);
  const data = validate(ZCorrectEntry, input);
  const now = Date.now();
  try {
    return await db.tx(async (q) => {
      const entry = await loadEntry(q, networkId, entryId);
      ledgerEntryPolicy.authorize(actor, 'correct', {
        networkId,
        recorderOrgId: entry.recorder_org_id,
        counterpartyOrgId: entry.counterparty_org_id,
      });
      if (entry.reversed_by_id) throw new AppError(409, 'cooperation.errors.alreadyReversed');
      // A gift waiting for home, or declined by home, counts nowhere: there is nothing to reverse.
      if (entry.status === 'awaiting_home_approval' || entry.status === 'withdrawn')
        throw new AppError(409, `mandates.errors.notCorrectable.${entry.status}`);
      if (entry.reverses_id && entry.status === 'disputed') {
        // The way out after the other side disputed a correction: the recorder withdraws it. It counts nowhere
        // (as before), no longer reverses the original, and the original can be corrected anew or stand.
        const r = await q.run(
          `UPDATE ledger_entries SET status = 'reversed', reverses_id = NULL WHERE id = ? AND status = 'disputed'`,
          [entry.id],
        );
        if (r.changes !== 1) throw new AppError(409, 'cooperation.errors.alreadyReversed');
        await record(q, {
          networkId,
          actorId: actor.userId,
          kind: 'ledger.corrected',
          subjectId: entry.id,
          data: {
            reversesId: entry.reverses_id,
            giverOrgId: entry.giver_org_id,
            receiverOrgId: entry.receiver_org_id,
            reason: data.reason,
          },
          at: now,
        });
        return presentEntry({ ...entry, status: 'reversed', reverses_id: null });
      }
      if (entry.reverses_id) throw new AppError(409, 'cooperation.errors.cannotReverseReversal');
      const wasConfirmed = entry.status === 'confirmed';
      const reversal: EntryRow = {
        ...entry,
        id: randomUUID(),
        amount_milli: -Number(entry.amount_milli),
        occurred_on: today(now),
        description: data.reason,
        status: wasConfirmed ? 'pending' : 'reversed',
        response_comment: '',
        responded_by: null,
        responded_at: null,
        reverses_id: entry.id,
        recorded_by: actor.userId,
        created_at: now,
        idempotency_key: null,
      };
      delete reversal.reversed_by_id;
      await insertEntry(q, reversal);
      if (!wasConfirmed)
        await q.run(`UPDATE ledger_entries SET status = 'reversed' WHERE id = ? AND status <> 'confirmed'`, [entry.id]);
      await record(q, {
        networkId,
        actorId: actor.userId,
        kind: 'ledger.corrected',
        subjectId: reversal.id,
        data: {
          reversesId: entry.id,
          giverOrgId: entry.giver_org_id,
          receiverOrgId: entry.receiver_org_id,
          reason: data.reason,
        },
        at: now,
      });
      // A reversed entry proves no delivery: a commitment it showed as delivered is open again.
      await reopenDeliveriesShownBy(q, networkId, entry.id, 'reversed', actor.userId, now);
      return presentEntry(reversal);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(409, 'cooperation.errors.alreadyReversed');
    throw err;
  }
}
