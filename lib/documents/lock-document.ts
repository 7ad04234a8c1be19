import crypto from 'node:crypto';
import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db, Queryable } from '../db/types';
import { AppError } from '../errors';
import { loadGoal } from '../goals/records';
import { documentPolicy, requireMember, type Actor } from '../policies';
import {
  activeLocks,
  docOfNetwork,
  goalOfPart,
  lockablePart,
  MAX_LOCK_MS,
  presentLock,
  REASON_MAX,
  ZPart,
  type DocumentLock,
} from './records';
import { partKindOf } from './records';

export const ZLockDocument = z
  .object({
    /** The document's name (`commons.<networkId>`, `org.<networkId>.<orgId>`, `meeting.…`). */
    doc: z.string().min(1).max(200),
    /** A root of it (`notes`, `minutes`, …) or a goal's text in the commons (`goals/<goalId>`). */
    part: ZPart,
    reason: z.string().trim().max(REASON_MAX),
    /** When the lock ends by itself (ms since the epoch); null: until it is unlocked. */
    endsAt: z.number().int().positive().nullable(),
  })
  .strict();
export type LockDocument = z.input<typeof ZLockDocument>;

export interface LockOptions {
  /** Run inside the caller's transaction (its records and the lock commit together). */
  q?: Queryable;
  /**
   * The calling command has authorized its own act (e.g. approved minutes are
   * locked by the approval): the manager check is skipped. The actor is still
   * who is named in the audit log.
   */
  asCommand?: boolean;
  /** The calling command's clock (ms), so the lock and its row in the audit log carry the command's time. */
  now?: number;
}

/**
 * Locks a part of a collaborative document until `endsAt`, with a reason
 * (network managers; `asCommand` for commands that lock as part of their own
 * act). From the commit on, the realtime server refuses every update touching
 * that part, from everyone; it ends by itself at `endsAt`. Recorded as
 * `document.locked` (who, what, until when, why) for the audit log.
 * A part that is locked already: 409 (unlock it first).
 */
export async function lockDocument(
  db: Db,
  actor: Actor,
  networkId: string,
  input: LockDocument,
  options: LockOptions = {},
): Promise<DocumentLock> {
  const data = validate(ZLockDocument, input);
  const now = options.now ?? Date.now();
  const doc = docOfNetwork(networkId, data.doc);
  if (!options.asCommand) {
    requireMember(actor, networkId);
    documentPolicy.authorize(actor, 'lock', doc);
  }
  if (!lockablePart(doc, data.part)) throw new AppError(400, 'documents.errors.part');
  if (data.reason.length < 3) throw new AppError(400, 'documents.errors.reason');
  if (data.endsAt !== null && data.endsAt <= now) throw new AppError(400, 'documents.errors.endsInPast');
  if (data.endsAt !== null && data.endsAt > now + MAX_LOCK_MS) throw new AppError(400, 'documents.errors.endsTooLate');
  if (data.endsAt === null && !options.asCommand) throw new AppError(400, 'documents.errors.endsRequired');
  const run = async (q: Queryable) => {
    const goalId = goalOfPart(data.part);
    if (goalId) await loadGoal(q, networkId, goalId);
    const current = await activeLocks(q, networkId, data.doc, now);
    if (current.some((l) => l.part === data.part)) throw new AppError(409, 'documents.errors.alreadyLocked');
    const id = crypto.randomUUID();
    await q.run(
      `INSERT INTO document_locks (id, network_id, doc, part, reason, locked_by, locked_at, ends_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, networkId, data.doc, data.part, data.reason, actor.userId, now, data.endsAt],
    );
    await record(q, {
      kind: 'document.locked',
      networkId,
      actorId: actor.userId,
      subjectId: data.doc,
      data: {
        doc: data.doc,
        part: data.part,
        partKind: partKindOf(data.part),
        reason: data.reason,
        endsAt: data.endsAt,
      },
      at: now,
    });
    const name = await q.get<{ name: string }>('SELECT name FROM users WHERE id = ?', [actor.userId]);
    return presentLock(
      {
        id,
        network_id: networkId,
        doc: data.doc,
        part: data.part,
        reason: data.reason,
        locked_by: actor.userId,
        locked_by_name: name?.name ?? null,
        locked_at: now,
        ends_at: data.endsAt,
        unlocked_by: null,
        unlocked_at: null,
      },
      now,
    );
  };
  return options.q ? run(options.q) : db.tx(run);
}
