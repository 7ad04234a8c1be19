import type { Db } from '../db/types';
import { AppError } from '../errors';
import { hashPassword, verifyPassword } from './password';
import type { ChangePasswordInput } from './schemas';

/**
 * Changes the signed-in person's own password. Only that person may call it
 * (`userId` is the session's user), and only with the current password.
 *
 * Bumps `session_version`, which ends every session of the account (the JWT
 * callback re-checks it). Returns the new version; the web page signs the
 * current browser in again with the new password so it stays signed in.
 */
export async function changePassword(
  db: Db,
  actor: { userId: string },
  input: ChangePasswordInput,
  now = Date.now(),
): Promise<{ sessionVersion: number }> {
  const user = await db.get<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = ?', [actor.userId]);
  if (!user) throw new AppError(401, 'errors.unauthenticated');
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError(400, 'account.changePassword.wrongCurrent');
  }
  if (input.currentPassword === input.newPassword) throw new AppError(400, 'account.changePassword.same');
  const passwordHash = await hashPassword(input.newPassword);
  return db.tx(async (q) => {
    await q.run('UPDATE users SET password_hash = ?, session_version = session_version + 1 WHERE id = ?', [
      passwordHash,
      actor.userId,
    ]);
    await recordAccountActivity(q, actor.userId, 'account.passwordChanged', now);
    const row = await q.get<{ session_version: number | string }>('SELECT session_version FROM users WHERE id = ?', [
      actor.userId,
    ]);
    return { sessionVersion: Number(row?.session_version) };
  });
}

/** One activity row about a person's own account (no network). */
export async function recordAccountActivity(
  q: { run: Db['run'] },
  userId: string,
  kind: string,
  now: number,
): Promise<void> {
  await q.run(
    'INSERT INTO activity (network_id, actor_id, kind, subject_id, data, created_at) VALUES (NULL, ?, ?, ?, ?, ?)',
    [userId, kind, userId, '{}', now],
  );
}
