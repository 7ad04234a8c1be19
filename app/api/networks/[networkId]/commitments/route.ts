import { route } from '@/app/_lib/route';
import { createCommitment, ZCreateCommitment } from '@/lib/commitments/create-commitment';
import { listCommitments, ZListCommitments } from '@/lib/commitments/list-commitments';
import { commitmentPolicy } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';
import { parseQuery } from '../ledger/_lib/query';

type P = { networkId: string };

/** Commitments (filters: goalId, organisationId, view = all|open|due_soon|overdue|delivered|withdrawn). Members only. */
export const GET = route<undefined, P>({}, async ({ req, db, user, params, locale }) =>
  listCommitments(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    parseQuery(req, ZListCommitments, locale),
  ),
);

/** My organisation commits (or proposes) an amount of a unit to a goal by a date. */
export const POST = route<typeof ZCreateCommitment, P>(
  { body: ZCreateCommitment },
  async ({ db, user, params, body }) => {
    const actor = await loadActor(db, user.id, params.networkId);
    const commitment = await createCommitment(db, actor, params.networkId, body);
    return Response.json(
      { commitment: commitmentPolicy.present(actor, commitment) },
      { status: commitment.replayed ? 200 : 201 },
    );
  },
);
