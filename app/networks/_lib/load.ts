import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getSessionUser, type SessionUser } from '@/lib/auth/session';
import { getDb, type Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { translator, type Translate } from '@/lib/i18n';
import { latestActivityId } from '@/lib/activity/list-feed';
import { listMyNetworks } from '@/lib/networks';
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

/** The actor of one network, loaded once per request (the layout and the page share it). */
const actorFor = cache(async (userId: string, networkId: string): Promise<Actor> =>
  loadActor(await getDb(), userId, networkId),
);

/**
 * Where the change feed of this response starts: the newest activity id of the network, read once per request
 * and always before the page's data (`networkPageContext` waits for it; the layout hands it to `LiveProvider`).
 * So the feed opened at it (`?after=`) delivers every change the page's data may have missed, and the page need
 * not fetch everything again when the feed connects.
 */
export const feedCursor = cache(async (networkId: string): Promise<number> =>
  latestActivityId(await getDb(), networkId),
);

export async function networkPageContext(networkId: string, returnTo: string) {
  if (!ID.test(networkId)) notFound();
  const ctx = await pageContext(returnTo);
  const [actor] = await Promise.all([actorFor(ctx.user.id, networkId), feedCursor(networkId)]);
  return { ...ctx, actor: actor as Actor };
}

/**
 * What the network shell needs: the network's name and the person's place in
 * it, or null when signed out (the page then sends to sign-in with its own
 * address). A non-member, or an id that is none, gets the 404 page.
 */
export const networkShellContext = cache(async (networkId: string) => {
  if (!ID.test(networkId)) notFound();
  const user = await getSessionUser();
  if (!user) return null;
  const mine = (await listMyNetworks(await getDb(), user.id)).find((n) => n.id === networkId);
  if (!mine) notFound();
  return { user, network: mine };
});

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
