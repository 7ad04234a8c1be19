import { route } from '@/app/_lib/route';
import { env } from '@/lib/env';
import { feedStatus, renewFeed, revokeFeed } from '@/lib/meetings/calendar-feed';

/** Whether the person has a personal calendar address (the secret itself is shown only when made). */
export const GET = route({}, async ({ db, user }) => feedStatus(db, user.id));

/** Makes a new secret calendar address (the old one stops working); answers it once. */
export const POST = route({}, async ({ db, user }) => {
  const { token, createdAt } = await renewFeed(db, user.id);
  return Response.json({ active: true, createdAt, url: `${env().appUrl}/api/calendar/${token}.ics` }, { status: 201 });
});

/** Revokes the calendar address. */
export const DELETE = route({}, async ({ db, user }) => revokeFeed(db, user.id));
