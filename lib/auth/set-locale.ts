import type { Queryable } from '../db/types';
import type { Locale } from '../i18n';

/**
 * Saves the signed-in person's interface language (also used for their
 * emails). Only that person may call it. The cookie is the route's job.
 */
export async function setLocale(db: Queryable, actor: { userId: string }, locale: Locale): Promise<void> {
  await db.run('UPDATE users SET locale = ? WHERE id = ?', [locale, actor.userId]);
}
