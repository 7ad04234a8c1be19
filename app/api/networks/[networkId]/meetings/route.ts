import { route } from '@/app/_lib/route';
import { listMeetings } from '@/lib/meetings/get-meeting';
import { scheduleMeeting, ZScheduleMeeting } from '@/lib/meetings/schedule-meeting';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string };

/** The network's meetings (upcoming, past), its meeting setting and whether the person may schedule one. Members only. */
export const GET = route<undefined, P>({}, async ({ db, user, params }) =>
  listMeetings(db, await loadActor(db, user.id, params.networkId), params.networkId),
);

/** Schedules a meeting: managers (representatives too where the network allows it). */
export const POST = route<typeof ZScheduleMeeting, P>(
  { body: ZScheduleMeeting },
  async ({ db, user, params, body }) => {
    const meeting = await scheduleMeeting(db, await loadActor(db, user.id, params.networkId), params.networkId, body);
    return Response.json({ meeting }, { status: 201 });
  },
);
