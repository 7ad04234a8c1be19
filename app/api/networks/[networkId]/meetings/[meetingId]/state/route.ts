import { route } from '@/app/_lib/route';
import { transitionMeeting, ZTransitionMeeting } from '@/lib/meetings/transition-meeting';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; meetingId: string };

/** A moderator moves the meeting on: `{action: start | attendance (organisationId, attended) | end | cancel (reason)}`. */
export const POST = route<typeof ZTransitionMeeting, P>(
  { body: ZTransitionMeeting },
  async ({ db, user, params, body }) => ({
    meeting: await transitionMeeting(
      db,
      await loadActor(db, user.id, params.networkId),
      params.networkId,
      params.meetingId,
      body,
    ),
  }),
);
