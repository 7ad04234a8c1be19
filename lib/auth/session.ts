import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { getDb } from '../db';
import { authOptions } from './options';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: 'en' | 'de';
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
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const db = await getDb();
  const row = await db.get<SessionUser>('SELECT id, email, name, locale FROM users WHERE id = ?', [id]);
  return row ?? null;
});
