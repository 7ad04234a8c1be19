import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { getDb } from '../db';
import { authOptions } from './options';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: 'en' | 'de';
  /** The session version the session carries (checked against the account on every use). */
  sessionVersion: number;
}

/**
 * The signed-in person for a server component or route handler, or null.
 * Looks the user up again (and so sees removal and session-version bumps at
 * once), rather than trusting what the token carried. Memoised per server
 * render (React `cache`), so the layout, the page and the request's language
 * share one lookup.
 */
export const getSessionUser = cache(async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const user = session?.user as { id?: string; sv?: number } | undefined;
  if (!user?.id) return null;
  const db = await getDb();
  const row = await db.get<Omit<SessionUser, 'sessionVersion'>>(
    'SELECT id, email, name, locale FROM users WHERE id = ?',
    [user.id],
  );
  return row ? { ...row, sessionVersion: Number(user.sv ?? 0) } : null;
});
