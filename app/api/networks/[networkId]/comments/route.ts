import { z } from 'zod';
import { route } from '@/app/_lib/route';
import { createComment, listComments, ZCreateComment } from '@/lib/comments';
import { loadActor } from '@/lib/policies/load-actor';
import { parseQuery } from '../ledger/_lib/query';

type P = { networkId: string };

const ZSubject = z.object({ subjectType: z.string().min(1).max(40), subjectId: z.string().min(1).max(100) });

/** The comments on one subject (goal, ledger entry, commitment, agenda item). Members who may see it. */
export const GET = route<undefined, P>({}, async ({ req, db, user, params, locale }) => {
  const q = parseQuery(req, ZSubject, locale);
  return listComments(db, await loadActor(db, user.id, params.networkId), params.networkId, q.subjectType, q.subjectId);
});

/** A new comment; mentions notify. Every member but observers. */
export const POST = route<typeof ZCreateComment, P>({ body: ZCreateComment }, async ({ db, user, params, body }) => {
  const comment = await createComment(db, await loadActor(db, user.id, params.networkId), params.networkId, body);
  return Response.json({ comment }, { status: 201 });
});
