import { record } from '../activity/record';
import type { Queryable } from '../db/types';

/**
 * The session version: one number per person, carried by every session
 * (the next-auth JWT's `sv`) and every realtime ticket. Moving it on ends all
 * of them at once (password change, "sign out everywhere"). The one check,
 * asked by the web app (`options.ts`, every use of a session) and by the
 * realtime server (`server/auth.ts` at the upgrade, `server/permissions.ts`
 * for open sockets).
 */

/** The person's current session version, or null when the account does not exist. */
export async function currentSessionVersion(q: Queryable, userId: string): Promise<number | null> {
  const row = await q.get<{ session_version: number | string }>('SELECT session_version FROM users WHERE id = ?', [
    userId,
  ]);
  return row ? Number(row.session_version) : null;
}

/** Is a session (or ticket) that carries version `sv` for `userId` still valid? */
export async function sessionVersionValid(q: Queryable, userId: string, sv: unknown): Promise<boolean> {
  if (typeof sv !== 'number' && typeof sv !== 'string') return false;
  const current = await currentSessionVersion(q, userId);
  return current !== null && current === Number(sv);
}

/** Why a person's sessions end: each is an activity kind with `access: 'sessions'`. */
export type SessionsEnded = 'account.passwordChanged' | 'account.passwordReset' | 'account.signedOutEverywhere';

/**
 * Ends every session of `userId` inside the caller's transaction: moves the
 * version on (cookies and tickets stop admitting) and records why, which, once
 * the transaction commits, closes that person's sockets on every realtime
 * instance. Returns the new version.
 */
export async function endSessions(q: Queryable, userId: string, why: SessionsEnded, at = Date.now()): Promise<number> {
  await q.run('UPDATE users SET session_version = session_version + 1 WHERE id = ?', [userId]);
  const sessionVersion = await currentSessionVersion(q, userId);
  if (sessionVersion === null) throw new Error('endSessions: no such user');
  await record(q, { networkId: null, actorId: userId, kind: why, subjectId: userId, data: { sessionVersion }, at });
  return sessionVersion;
}
