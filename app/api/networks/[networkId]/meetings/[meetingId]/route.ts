import { route } from '@/app/_lib/route';
import { getMeeting } from '@/lib/meetings/get-meeting';
import { updateMeeting, ZUpdateMeeting } from '@/lib/meetings/update-meeting';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; meetingId: string };

/** A meeting with its organisations, decisions and voices, action items, facilitation figures and abilities. */
export const GET = route<undefined, P>({}, async ({ db, user, params }) =>
  getMeeting(db, await loadActor(db, user.id, params.networkId), params.networkId, params.meetingId),
);

/** A moderator changes a scheduled meeting (title, time, place, link, invited organisations). */
export const PATCH = route<typeof ZUpdateMeeting, P>({ body: ZUpdateMeeting }, async ({ db, user, params, body }) => ({
  meeting: await updateMeeting(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    params.meetingId,
    body,
  ),
}));
