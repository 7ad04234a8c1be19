import { kindSpec } from '../activity/catalog';
import { can, ORG_ROLES, type Actor } from './index';

/**
 * Who may see which activity row: the one place for it. Every kind in the
 * catalog (`lib/activity/catalog.ts`) names one of these audiences; the change
 * feed, the organisation page and the live stream all ask `maySeeActivity`.
 *
 * - `members`: every member of the network (shared goals, ledger, commitments,
 *   organisations, members);
 * - `invitation`: network managers and the representatives of the organisation
 *   invited into (who invites whom is their business alone);
 * - `ownOrganisation`: the people (representatives, home members) of the
 *   organisation named in `data.organisationId`: home data such as a readiness
 *   check (managers and other organisations never see it);
 * - `self`: only the person whose account it is (no network);
 * - `nobody`: bookkeeping rows nobody is shown.
 *
 * Anything that carries a secret never goes into activity data in the first place.
 */
export type ActivityAudience = 'members' | 'invitation' | 'ownOrganisation' | 'self' | 'nobody';

export interface ActivityRowView {
  kind: string;
  actorId?: string | null;
  data: Record<string, unknown>;
}

type AudienceRule = (actor: Actor, networkId: string | null, row: ActivityRowView) => boolean;

const isMember = (actor: Actor, networkId: string | null) =>
  networkId !== null && can(actor, 'network.read', { type: 'network', networkId });

export const ACTIVITY_AUDIENCES: Record<ActivityAudience, AudienceRule> = {
  members: (actor, networkId) => isMember(actor, networkId),
  invitation: (actor, networkId, row) => {
    if (networkId === null || !isMember(actor, networkId)) return false;
    const orgId = typeof row.data.organisationId === 'string' ? row.data.organisationId : null;
    return (
      can(actor, 'invitation.manage', { type: 'network', networkId }) ||
      (orgId !== null && actor.membership?.organisationId === orgId && actor.membership.role === 'representative')
    );
  },
  ownOrganisation: (actor, networkId, row) => {
    if (networkId === null || !isMember(actor, networkId)) return false;
    const orgId = typeof row.data.organisationId === 'string' ? row.data.organisationId : null;
    const m = actor.membership;
    return orgId !== null && !!m && m.organisationId === orgId && ORG_ROLES.includes(m.role);
  },
  self: (actor, _networkId, row) => typeof row.actorId === 'string' && row.actorId === actor.userId,
  nobody: () => false,
};

/** May this viewer see this activity row? Kinds not in the catalog are seen by nobody. */
export function maySeeActivity(actor: Actor, networkId: string | null, row: ActivityRowView): boolean {
  const spec = kindSpec(row.kind);
  if (!spec) return false;
  return ACTIVITY_AUDIENCES[spec.audience](actor, networkId, row);
}
