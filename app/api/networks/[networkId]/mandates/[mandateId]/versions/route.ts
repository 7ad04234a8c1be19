import { route } from '@/app/_lib/route';
import { listMandateVersions } from '@/lib/mandates/list-mandates';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; mandateId: string };

/** Every version of a mandate with who changed what. The organisation's own people only (else 404). */
export const GET = route<undefined, P>({}, async ({ db, user, params }) => ({
  versions: await listMandateVersions(
    db,
    await loadActor(db, user.id, params.networkId),
    params.networkId,
    params.mandateId,
  ),
}));
