import { route } from '@/app/_lib/route';
import { answerMinutes, ZAnswerMinutes } from '@/lib/meetings/answer-minutes';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; meetingId: string };

/** A representative of an organisation that attended answers the minutes: `{answer: approve}` or `{answer: object, objection}`. */
export const POST = route<typeof ZAnswerMinutes, P>({ body: ZAnswerMinutes }, async ({ db, user, params, body }) => ({
  meeting: await answerMinutes(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    params.meetingId,
    body,
  ),
}));
