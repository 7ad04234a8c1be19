import { record } from '../activity/record';
import { isUniqueViolation } from '../db/errors';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { hashPassword } from './password';
import type { SignUpInput } from './schemas';

/**
 * Creates an account. Anyone may call it (signed out); the input has been
 * parsed with `ZSignUp` (email lower-cased, password rule met).
 *
 * An email that already has an account is refused with 409, also when two
 * sign-ups race (the UNIQUE constraint decides); nothing is half-written:
 * the user and its activity row are one transaction. Signing in is the
 * caller's next step (next-auth credentials).
 */
export async function signUp(db: Db, input: SignUpInput, now = Date.now()): Promise<{ id: string }> {
  const existing = await db.get('SELECT id FROM users WHERE email = ?', [input.email]);
  if (existing) throw new AppError(409, 'auth.signUp.emailTaken');
  // Hash outside the transaction: it is slow and needs no database.
  const passwordHash = await hashPassword(input.password);
  const id = crypto.randomUUID();
  try {
    await db.tx(async (q) => {
      await q.run(
        'INSERT INTO users (id, email, name, password_hash, locale, session_version, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)',
        [id, input.email, input.name, passwordHash, input.locale ?? 'en', now],
      );
      await record(q, { networkId: null, actorId: id, kind: 'account.created', subjectId: id, data: {}, at: now });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(409, 'auth.signUp.emailTaken');
    throw err;
  }
  return { id };
}
