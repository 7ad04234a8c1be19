import { randomUUID } from 'node:crypto';
import { record } from '../activity/record';
import type { Db } from '../db/types';
import { requireMember, type Actor } from '../policies';
import { managementMandatePolicy } from '../policies/management-mandate';
import { MANDATE_COLUMNS, parseMandate, presentMandate, type MandateRow } from './records';

const FIELDS = ['givenBy', 'resources', 'authority', 'tasks', 'validFrom', 'validUntil', 'note'] as const;

/**
 * Records the network management's mandate, or a change to it, as a new
 * version (the old ones stay, with who set them and when). Network managers
 * and active representatives; every member sees it and the change in the
 * activity log. A mandate that ends before it starts, negative or absurd
 * resources, missing authority or tasks: 400 naming the field, nothing written.
 */
export async function setManagementMandate(db: Db, actor: Actor, networkId: string, input: unknown, now = Date.now()) {
  requireMember(actor, networkId);
  managementMandatePolicy.authorize(actor, 'set', { networkId });
  const m = parseMandate(input);
  return db.tx(async (q) => {
    const prev = await q.get<MandateRow>(
      `SELECT ${MANDATE_COLUMNS} FROM management_mandates m LEFT JOIN users u ON u.id = m.set_by
        WHERE m.network_id = ? ORDER BY m.version DESC LIMIT 1`,
      [networkId],
    );
    const version = prev ? Number(prev.version) + 1 : 1;
    const before = prev ? presentMandate(prev, now) : null;
    const changed = before
      ? FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(m[f]))
      : [...FIELDS].filter((f) => f !== 'note' || m.note !== '');
    const id = randomUUID();
    await q.run(
      `INSERT INTO management_mandates (id, network_id, version, given_by, resources, authority, tasks, valid_from, valid_until,
         note, set_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        networkId,
        version,
        m.givenBy,
        JSON.stringify(m.resources),
        m.authority,
        JSON.stringify(m.tasks),
        m.validFrom,
        m.validUntil,
        m.note,
        actor.userId,
        now,
      ],
    );
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'managementMandate.set',
      subjectId: id,
      data: { version, givenBy: m.givenBy, validFrom: m.validFrom, validUntil: m.validUntil, changed: [...changed] },
      at: now,
    });
    const row = await q.get<MandateRow>(
      `SELECT ${MANDATE_COLUMNS} FROM management_mandates m LEFT JOIN users u ON u.id = m.set_by WHERE m.id = ?`,
      [id],
    );
    return presentMandate(row!, now);
  });
}
