import { record } from '../activity/record';
import type { Db, Queryable } from '../db/types';
import { AppError } from '../errors';
import { documentPolicy, requireMember, type Actor } from '../policies';
import type { LockOptions } from './lock-document';
import { activeLocks, docOfNetwork, inForce, loadLock, presentLock, type DocumentLock } from './records';
import { partKindOf } from './records';

/** Which lock: by its id, or the one in force on a part of a document. */
export type UnlockTarget = { lockId: string } | { doc: string; part: string };

/**
 * Ends a lock before its time (network managers; `asCommand` as for
 * `lockDocument`). Recorded as `document.unlocked` with the lock's reason.
 * A lock that has ended already: 409.
 */
export async function unlockDocument(
  db: Db,
  actor: Actor,
  networkId: string,
  target: UnlockTarget,
  options: LockOptions = {},
): Promise<DocumentLock> {
  if (!options.asCommand) requireMember(actor, networkId);
  const now = Date.now();
  const run = async (q: Queryable) => {
    let row;
    if ('lockId' in target) {
      if (typeof target.lockId !== 'string' || target.lockId.length > 100) throw new AppError(404, 'errors.notFound');
      row = await loadLock(q, networkId, target.lockId);
    } else {
      docOfNetwork(networkId, target.doc);
      row = (await activeLocks(q, networkId, target.doc, now)).find((l) => l.part === target.part);
      if (!row) throw new AppError(409, 'documents.errors.notLocked');
    }
    if (!options.asCommand) documentPolicy.authorize(actor, 'unlock', docOfNetwork(networkId, row.doc));
    if (!inForce(row, now)) throw new AppError(409, 'documents.errors.notLocked');
    await q.run('UPDATE document_locks SET unlocked_at = ?, unlocked_by = ? WHERE id = ?', [now, actor.userId, row.id]);
    await record(q, {
      kind: 'document.unlocked',
      networkId,
      actorId: actor.userId,
      subjectId: row.doc,
      data: { doc: row.doc, part: row.part, partKind: partKindOf(row.part), reason: row.reason },
      at: now,
    });
    return presentLock({ ...row, unlocked_at: now, unlocked_by: actor.userId }, now);
  };
  return options.q ? run(options.q) : db.tx(run);
}
