import { kindSpec } from '../activity/catalog';
import { parseDocName } from '../docs/names';
import { exportPolicy } from './export';
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
 * - `organisation`: the representatives and home members of the organisation
 *   the row names (`data.organisationId`): what its home side sets (mandates,
 *   capacity) is theirs alone;
 * - `self`: only the person whose account it is (no network);
 * - `archive`: who may make that archive themselves — a network's archive its
 *   managers, an organisation's own data its own people (lib/exports);
 * - `nobody`: bookkeeping rows nobody is shown;
 * - `document`: whoever may read the document named in `data.doc` (a home
 *   space's rows stay within its organisation).
 *
 * Anything that carries a secret never goes into activity data in the first place.
 */
export type ActivityAudience = 'members' | 'invitation' | 'organisation' | 'self' | 'archive' | 'nobody' | 'document';

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
  organisation: (actor, networkId, row) => {
    if (networkId === null || !isMember(actor, networkId)) return false;
    const m = actor.membership;
    const orgId = typeof row.data.organisationId === 'string' ? row.data.organisationId : null;
    return !!m && orgId !== null && m.organisationId === orgId && ORG_ROLES.includes(m.role);
  },
  self: (actor, _networkId, row) => typeof row.actorId === 'string' && row.actorId === actor.userId,
  archive: (actor, networkId, row) => {
    if (networkId === null) return false;
    const orgId = typeof row.data.organisationId === 'string' ? row.data.organisationId : null;
    return row.data.scope === 'organisation'
      ? exportPolicy.can(actor, 'archiveOrganisation', { networkId, organisationId: orgId })
      : exportPolicy.can(actor, 'archiveNetwork', { networkId });
  },
  nobody: () => false,
  document: (actor, networkId, row) => {
    const doc = typeof row.data.doc === 'string' ? parseDocName(row.data.doc) : null;
    return doc !== null && doc.networkId === networkId && can(actor, 'doc.read', { type: 'doc', doc });
  },
};

/** May this viewer see this activity row? Kinds not in the catalog are seen by nobody. */
export function maySeeActivity(actor: Actor, networkId: string | null, row: ActivityRowView): boolean {
  const spec = kindSpec(row.kind);
  if (!spec) return false;
  return ACTIVITY_AUDIENCES[spec.audience](actor, networkId, row);
}
