import { route } from '@/app/_lib/route';
import { env } from '@/lib/env';
import { t } from '@/lib/i18n';
import { readFeed } from '@/lib/meetings/calendar-feed';

type P = { token: string };

/**
 * A person's iCal feed behind its secret address (no session: calendar apps
 * fetch it). Unknown: 404; renewed or revoked: 410 with a sentence in the
 * owner's language saying so.
 */
export const GET = route<undefined, P>({ anonymous: true }, async ({ db, params }) => {
  const feed = await readFeed(db, params.token.replace(/\.ics$/, ''), env().appUrl);
  if (feed.revoked) {
    return new Response(t(feed.locale, 'meetings.errors.feedRevoked'), {
      status: 410,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'content-language': feed.locale },
    });
  }
  return new Response(feed.body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'private, no-store',
      'content-language': feed.locale,
    },
  });
});
