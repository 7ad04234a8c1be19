import { errorResponse, route } from '@/app/_lib/route';
import { previewInvitation } from '@/lib/networks';

type P = { token: string };

/**
 * Public preview for whoever holds the link: network name, role,
 * organisation and whether it can still be used; nothing else.
 */
export const GET = route<undefined, P>({ anonymous: true }, async ({ db, params, t }) => {
  const p = await previewInvitation(db, params.token);
  if (!p) return errorResponse(404, 'networks.errors.invitationNotFound', t('networks.errors.invitationNotFound'));
  return {
    invitation: { state: p.state, networkName: p.networkName, role: p.role, organisationName: p.organisationName },
  };
});
