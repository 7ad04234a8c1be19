import { route } from '@/app/_lib/route';
import { env } from '@/lib/env';
import { meetingIcs } from '@/lib/meetings/calendar-feed';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; meetingId: string };

/** The meeting as an iCalendar file (RFC 5545), for any member. */
export const GET = route<undefined, P>({}, async ({ db, user, params, locale }) => {
  const ics = await meetingIcs(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    params.meetingId,
    env().appUrl,
    locale,
  );
  return new Response(ics.body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="${ics.filename}"`,
      'cache-control': 'private, no-store',
    },
  });
});
