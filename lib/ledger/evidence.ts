import { record } from '../activity/record';
import type { Queryable } from '../db/types';

/**
 * What a disputed or reversed entry does to the deliveries it showed: a
 * commitment marked delivered with that entry as evidence is open again
 * (`committed`), its evidence is cleared, and `commitment.reopened` says why.
 * Called in the transaction of the dispute (`respond-entry.ts`) and of the
 * correction (`correct-entry.ts`). What may count as evidence at all is
 * `isDeliveryEvidence` in `rules.ts`.
 */
export async function reopenDeliveriesShownBy(
  q: Queryable,
  networkId: string,
  entryId: string,
  because: 'disputed' | 'reversed',
  actorId: string,
  now: number,
): Promise<string[]> {
  const rows = await q.all<{ id: string; goal_id: string; organisation_id: string }>(
    `SELECT c.id, c.goal_id, c.organisation_id
       FROM commitments c JOIN commitment_evidence ce ON ce.commitment_id = c.id
      WHERE ce.entry_id = ? AND c.network_id = ? AND c.status = 'delivered'`,
    [entryId, networkId],
  );
  for (const c of rows) {
    await q.run(
      `UPDATE commitments SET status = 'committed', delivered_at = NULL, delivered_partly = 0, updated_at = ?
        WHERE id = ? AND status = 'delivered'`,
      [now, c.id],
    );
    await q.run('DELETE FROM commitment_evidence WHERE commitment_id = ?', [c.id]);
    await record(q, {
      networkId,
      actorId,
      kind: 'commitment.reopened',
      subjectId: c.id,
      data: { goalId: c.goal_id, organisationId: c.organisation_id, entryId, because },
      at: now,
    });
  }
  return rows.map((r) => r.id);
}
