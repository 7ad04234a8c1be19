import { route } from '@/app/_lib/route';
import { setMeetingSettings, ZMeetingSettings } from '@/lib/meetings/set-meeting-settings';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string };

/** Network managers decide whether representatives may schedule meetings. */
export const PUT = route<typeof ZMeetingSettings, P>(
  { body: ZMeetingSettings },
  async ({ db, user, params, body }) => ({
    settings: await setMeetingSettings(db, await loadActor(db, user.id, params.networkId), params.networkId, body),
  }),
);
