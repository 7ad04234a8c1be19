/**
 * Who is asking: a signed-in person with their membership in the network the
 * record belongs to (or none), and the small predicates every subject's rules
 * are written with. Memberships of organisations that have left the network,
 * and removed memberships, count as none.
 */
export const ROLES = ['manager', 'representative', 'home_member', 'observer', 'adviser'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that belong to an organisation (the others must not name one). */
export const ORG_ROLES: readonly Role[] = ['representative', 'home_member'];

export type OrgStatus = 'active' | 'paused' | 'left';

export interface ActorMembership {
  networkId: string;
  role: Role;
  organisationId: string | null;
  /** Status of the actor's organisation, when the role has one. */
  organisationStatus: OrgStatus | null;
}

export interface Actor {
  userId: string;
  /** The actor's live membership in the subject's network, or null. */
  membership: ActorMembership | null;
}

/** The membership that counts in this network: same network, organisation not gone. */
export function liveMembership(actor: Actor | null, networkId: string): ActorMembership | null {
  const m = actor?.membership;
  if (!m || m.networkId !== networkId) return null;
  if (m.organisationStatus === 'left') return null;
  return m;
}

export const isManager = (m: ActorMembership) => m.role === 'manager';
/** The actor's organisation is not paused (a paused organisation reads but does not act). */
export const isActive = (m: ActorMembership) => m.organisationStatus !== 'paused';
/** A representative of an active organisation. */
export const isActiveRep = (m: ActorMembership) => m.role === 'representative' && isActive(m);
/** A representative or home member of exactly this organisation. */
export const belongsTo = (m: ActorMembership, orgId: string | null) =>
  orgId !== null && ORG_ROLES.includes(m.role) && m.organisationId === orgId;
/** An active representative of exactly this organisation: acts in its name. */
export const representsOrg = (m: ActorMembership, orgId: string | null) => isActiveRep(m) && m.organisationId === orgId;
/** Takes part through their organisation in one of these organisations. */
export const representsOneOf = (m: ActorMembership, orgIds: readonly string[]) =>
  isActiveRep(m) && m.organisationId !== null && orgIds.includes(m.organisationId);
