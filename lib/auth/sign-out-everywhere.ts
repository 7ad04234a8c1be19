import type { Db } from '../db/types';
import { recordAccountActivity } from './change-password';

/**
 * Ends every session of the signed-in person, on every device, including the
 * one that asks (bumps `session_version`). Only that person may call it.
 */
export async function signOutEverywhere(db: Db, actor: { userId: string }, now = Date.now()): Promise<void> {
  await db.tx(async (q) => {
    await q.run('UPDATE users SET session_version = session_version + 1 WHERE id = ?', [actor.userId]);
    await recordAccountActivity(q, actor.userId, 'account.signedOutEverywhere', now);
  });
}
