import { NextResponse } from 'next/server';
import { route } from '@/app/_lib/route';
import { answerReadinessCheck, ZAnswerCheck } from '@/lib/readiness/answer-check';
import { listReadinessChecks } from '@/lib/readiness/list-checks';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; orgId: string };

/** The organisation's readiness checks with answers, notes, trend and latest summary. Its own people only (else 404). */
export const GET = route<undefined, P>({}, async ({ db, user, params }) =>
  listReadinessChecks(db, await loadActor(db, user.id, params.networkId), params.networkId, params.orgId),
);

/** Answers the check: `{ answeredOn?, answers: [{ question, score 1–5, note? }] }` for all seven. Its own people. */
export const POST = route<typeof ZAnswerCheck, P>({ body: ZAnswerCheck }, async ({ db, user, params, body }) => {
  const check = await answerReadinessCheck(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    params.orgId,
    body,
  );
  return NextResponse.json({ check }, { status: 201 });
});
