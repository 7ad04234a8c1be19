import type { Db } from '../db/types';
import { endSessions } from './session-version';

/**
 * Ends every session of the signed-in person, on every device, including the
 * one that asks. Only that person may call it. Cookies stop working at their
 * next use, outstanding realtime tickets stop admitting, and once the
 * transaction commits that person's open sockets close on every realtime
 * instance (`endSessions`).
 */
export async function signOutEverywhere(db: Db, actor: { userId: string }, now = Date.now()): Promise<void> {
  await db.tx((q) => endSessions(q, actor.userId, 'account.signedOutEverywhere', now));
}
