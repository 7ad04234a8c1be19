import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { requireMember, type Actor } from '../policies';
import { loadEntry, presentEntry } from './records';
import { mayRespond } from './rules';
import { reopenDeliveriesShownBy } from './evidence';

export const ZRespondEntry = z.discriminatedUnion('response', [
  z.object({ response: z.literal('confirm'), comment: z.string().trim().max(2000).default('') }),
  z.object({ response: z.literal('dispute'), comment: z.string().trim().min(3).max(2000) }),
]);
export type RespondEntry = z.input<typeof ZRespondEntry>;

/**
 * The other side of an entry confirms it, or disputes it with a comment.
 * Only a representative of that organisation may (for entries addressed to
 * the network as a whole: a network manager; see `mayRespond`). An entry is answered once:
 * confirming or disputing again is a 409, nothing written.
 */
export async function respondEntry(db: Db, actor: Actor, networkId: string, entryId: string, input: RespondEntry) {
  requireMember(actor, networkId);
  const data = validate(ZRespondEntry, input);
  const now = Date.now();
  return db.tx(async (q) => {
    const entry = await loadEntry(q, networkId, entryId);
    if (!mayRespond(actor, entry)) throw new AppError(403, 'cooperation.errors.notAddressedToYou');
    if (entry.status !== 'pending') throw new AppError(409, `cooperation.errors.alreadyAnswered.${entry.status}`);
    const status = data.response === 'confirm' ? 'confirmed' : 'disputed';
    const r = await q.run(
      `UPDATE ledger_entries SET status = ?, response_comment = ?, responded_by = ?, responded_at = ? WHERE id = ? AND status = 'pending'`,
      [status, data.comment, actor.userId, now, entryId],
    );
    if (r.changes !== 1) throw new AppError(409, 'cooperation.errors.alreadyAnswered');
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: status === 'confirmed' ? 'ledger.confirmed' : 'ledger.disputed',
      subjectId: entryId,
      data: { giverOrgId: entry.giver_org_id, receiverOrgId: entry.receiver_org_id, comment: data.comment },
      at: now,
    });
    // A disputed entry proves no delivery: a commitment it showed as delivered is open again.
    if (status === 'disputed') await reopenDeliveriesShownBy(q, networkId, entryId, 'disputed', actor.userId, now);
    return presentEntry({
      ...entry,
      status,
      response_comment: data.comment,
      responded_by: actor.userId,
      responded_at: now,
    });
  });
}
