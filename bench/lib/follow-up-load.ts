import { randomUUID } from 'node:crypto';
import type { Db, Param } from '../../lib/db/types';
import type { GeneratedNetwork } from '../../scripts/generate-large-network';

/**
 * What "for me" reads on a busy network, added to the generated 20,000-entry
 * network: one `ledger.recorded` row per entry spread over the last 14 days
 * (so "what changed since I last looked" has 20,000 rows to consider), and 50
 * comments that mention the first representative, unread.
 */
export async function addFollowUpLoad(db: Db, g: GeneratedNetwork): Promise<void> {
  const now = Date.now();
  const entries = await db.all<{
    id: string;
    recorded_by: string;
    giver_org_id: string | null;
    receiver_org_id: string | null;
  }>('SELECT id, recorded_by, giver_org_id, receiver_org_id FROM ledger_entries WHERE network_id = ?', [g.networkId]);
  const rows: Param[][] = entries.map((e, i) => [
    g.networkId,
    e.recorded_by,
    'ledger.recorded',
    e.id,
    JSON.stringify({
      kind: 'give',
      giverOrgId: e.giver_org_id,
      receiverOrgId: e.receiver_org_id,
      unit: 'hours',
      amount: 2,
    }),
    now - 14 * 86_400_000 + Math.floor((i / entries.length) * 14 * 86_400_000),
  ]);
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await db.tx((q) =>
      q.run(
        `INSERT INTO activity (network_id, actor_id, kind, subject_id, data, created_at) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flat(),
      ),
    );
  }
  const rep = g.representatives[0];
  await db.tx(async (q) => {
    for (let i = 0; i < 50; i++) {
      const e = entries[i];
      const id = randomUUID();
      await q.run(
        `INSERT INTO comments (id, network_id, subject_type, subject_id, author_id, body, created_at)
         VALUES (?, ?, 'ledger_entry', ?, ?, ?, ?)`,
        [id, g.networkId, e.id, g.manager.id, `Bitte ansehen @[Rep](${rep.id})`, now - i * 60_000],
      );
      await q.run(
        `INSERT INTO notifications (id, user_id, network_id, kind, actor_id, subject_type, subject_id, comment_id, href, created_at)
         VALUES (?, ?, ?, 'mention', ?, 'ledger_entry', ?, ?, ?, ?)`,
        [
          randomUUID(),
          rep.id,
          g.networkId,
          g.manager.id,
          e.id,
          id,
          `/networks/${g.networkId}/ledger/${e.id}`,
          now - i * 60_000,
        ],
      );
    }
  });
  await db.exec('ANALYZE');
}
