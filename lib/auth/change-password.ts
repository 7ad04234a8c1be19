import type { Db } from '../db/types';
import { AppError } from '../errors';
import { hashPassword, verifyPassword } from './password';
import type { ChangePasswordInput } from './schemas';
import { endSessions } from './session-version';

/**
 * Changes the signed-in person's own password. Only that person may call it
 * (`userId` is the session's user), and only with the current password.
 *
 * Ends every session of the account (`endSessions`: the session version moves
 * on, outstanding realtime tickets stop admitting, and once the transaction
 * commits that person's sockets close on every realtime instance). Returns the
 * new version; the web page signs the current browser in again with the new
 * password so it stays signed in.
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
    await q.run('UPDATE users SET password_hash = ? WHERE id = ?', [passwordHash, actor.userId]);
    return { sessionVersion: await endSessions(q, actor.userId, 'account.passwordChanged', now) };
  });
}
