import { notFound, redirect } from 'next/navigation';
import { getSessionUser, type SessionUser } from '@/lib/auth/session';
import { getDb, type Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { translator, type Translate } from '@/lib/i18n';
import { ForbiddenError, type Actor } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';
import { requestLocale } from '@/app/_lib/locale';

/** UUIDs only: anything else cannot be one of ours. */
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * What every networks page needs: the signed-in person (else to sign-in and
 * back), the database, the translator, and, for a network page, the actor.
 */
export async function pageContext(
  returnTo: string,
): Promise<{ user: SessionUser; db: Db; t: Translate; locale: 'en' | 'de' }> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  const locale = await requestLocale();
  return { user, db: await getDb(), t: translator(locale), locale };
}

export async function networkPageContext(networkId: string, returnTo: string) {
  if (!ID.test(networkId)) notFound();
  const ctx = await pageContext(returnTo);
  const actor: Actor = await loadActor(ctx.db, ctx.user.id, networkId);
  return { ...ctx, actor };
}

/** Runs a query; a refusal (not a member, no such thing) becomes the 404 page. */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof ForbiddenError || (err instanceof AppError && (err.status === 404 || err.status === 403)))
      notFound();
    throw err;
  }
}

export function isId(v: string): boolean {
  return ID.test(v);
}
