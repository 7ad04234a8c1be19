import { can, type Actor } from '../policies';

/**
 * May this viewer see this activity row? One rule, asked for every row streamed.
 *
 * Every member sees the network's shared records (goals, ledger, commitments,
 * organisations, members). Rows about a home space (`home.*`) are seen only by
 * that organisation's people; invitations (`invitation.*`) only by managers
 * and the invited organisation's representatives. Anything that carries a
 * secret never goes into `activity` data in the first place.
 */
export function maySeeActivity(
  actor: Actor,
  networkId: string,
  row: { kind: string; data: Record<string, unknown> },
): boolean {
  if (!can(actor, 'network.read', { type: 'network', networkId })) return false;
  if (row.kind.startsWith('invitation.')) {
    // Who invites whom is the managers' business and that of the organisation invited into.
    const orgId = typeof row.data.organisationId === 'string' ? row.data.organisationId : null;
    return (
      can(actor, 'invitation.manage', { type: 'network', networkId }) ||
      (orgId !== null && actor.membership?.organisationId === orgId && actor.membership.role === 'representative')
    );
  }
  if (row.kind.startsWith('home.')) {
    const orgId = typeof row.data.organisationId === 'string' ? row.data.organisationId : '';
    return can(actor, 'doc.read', { type: 'doc', doc: { kind: 'home', networkId, orgId } });
  }
  return true;
}
