import { hashToken } from '../core/tokens';
import type { Queryable } from '../db/types';
import { AppError } from '../errors';
import {
  abilities,
  can,
  documentPolicy,
  invitationPolicy,
  memberPolicy,
  ORG_ROLES,
  organisationPolicy,
  requireMember,
  type AbilitiesOf,
  type Actor,
  type OrgStatus,
  type Role,
} from '../policies';

/**
 * Read models for the networks pages and API. Every query that concerns one
 * network first asks the policies: a non-member gets "not found".
 */

export interface MyNetwork {
  id: string;
  name: string;
  purpose: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  organisations: number;
  people: number;
}

/** The networks the person belongs to (live memberships only), with their role there. */
export async function listMyNetworks(db: Queryable, userId: string): Promise<MyNetwork[]> {
  const rows = await db.all<{
    id: string;
    name: string;
    purpose: string;
    role: Role;
    organisation_id: string | null;
    organisation_name: string | null;
    organisations: number | string;
    people: number | string;
  }>(
    `SELECT n.id, n.name, n.purpose, m.role, m.organisation_id, o.name AS organisation_name,
            (SELECT COUNT(*) FROM organisations o2 WHERE o2.network_id = n.id AND o2.status <> 'left') AS organisations,
            (SELECT COUNT(*) FROM memberships m2 LEFT JOIN organisations o3 ON o3.id = m2.organisation_id
              WHERE m2.network_id = n.id AND m2.removed_at IS NULL AND (o3.status IS NULL OR o3.status <> 'left')) AS people
       FROM memberships m
       JOIN networks n ON n.id = m.network_id
       LEFT JOIN organisations o ON o.id = m.organisation_id
      WHERE m.user_id = ? AND m.removed_at IS NULL AND (o.status IS NULL OR o.status <> 'left')
      ORDER BY n.name, n.id`,
    [userId],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    purpose: r.purpose,
    role: r.role,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    organisations: Number(r.organisations),
    people: Number(r.people),
  }));
}

export interface OrganisationSummary {
  id: string;
  name: string;
  kind: string;
  website: string;
  description: string;
  status: OrgStatus;
  statusChangedAt: number;
  people: number;
}

export interface Person {
  userId: string;
  name: string;
  /** Shown to network managers only. */
  email?: string;
  role: Role;
  organisationId: string | null;
  joinedAt: number;
  /** What the actor may do with this membership (change the role, remove it, leave). */
  abilities: AbilitiesOf<typeof memberPolicy>;
}

async function networkRow(db: Queryable, networkId: string) {
  const n = await db.get<{ id: string; name: string; purpose: string; created_at: number }>(
    'SELECT id, name, purpose, created_at FROM networks WHERE id = ?',
    [networkId],
  );
  if (!n) throw new AppError(404, 'errors.notFound');
  return { id: n.id, name: n.name, purpose: n.purpose, createdAt: Number(n.created_at) };
}

async function organisations(
  db: Queryable,
  networkId: string,
  organisationId?: string,
): Promise<OrganisationSummary[]> {
  const rows = await db.all<{
    id: string;
    name: string;
    kind: string;
    website: string;
    description: string;
    status: OrgStatus;
    status_changed_at: number;
    people: number | string;
  }>(
    `SELECT o.id, o.name, o.kind, o.website, o.description, o.status, o.status_changed_at,
            (SELECT COUNT(*) FROM memberships m WHERE m.organisation_id = o.id AND m.removed_at IS NULL) AS people
       FROM organisations o WHERE o.network_id = ? ${organisationId ? 'AND o.id = ?' : ''}
      ORDER BY CASE o.status WHEN 'active' THEN 0 WHEN 'paused' THEN 1 ELSE 2 END, o.name_key`,
    organisationId ? [networkId, organisationId] : [networkId],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    website: r.website,
    description: r.description,
    status: r.status,
    statusChangedAt: Number(r.status_changed_at),
    people: Number(r.people),
  }));
}

/** Live members: not removed, and not of an organisation that left. */
async function people(db: Queryable, actor: Actor, networkId: string, organisationId?: string): Promise<Person[]> {
  const rows = await db.all<{
    user_id: string;
    name: string;
    email: string;
    role: Role;
    organisation_id: string | null;
    created_at: number;
  }>(
    `SELECT m.user_id, u.name, u.email, m.role, m.organisation_id, m.created_at
       FROM memberships m JOIN users u ON u.id = m.user_id
       LEFT JOIN organisations o ON o.id = m.organisation_id
      WHERE m.network_id = ? AND m.removed_at IS NULL AND (o.status IS NULL OR o.status <> 'left')
      ${organisationId ? 'AND m.organisation_id = ?' : ''}
      ORDER BY u.name, u.id`,
    organisationId ? [networkId, organisationId] : [networkId],
  );
  return rows.map((r) => {
    const may = memberPolicy.abilities(actor, { networkId, userId: r.user_id });
    return {
      userId: r.user_id,
      name: r.name,
      ...(may.seeEmail ? { email: r.email } : {}),
      role: r.role,
      organisationId: r.organisation_id,
      joinedAt: Number(r.created_at),
      abilities: may,
    };
  });
}

function canReadHome(actor: Actor, networkId: string, orgId: string): boolean {
  return documentPolicy.can(actor, 'read', { kind: 'home', networkId, orgId });
}

/** The network home: purpose, organisations with status and counts, people with roles. Every member may read it. */
export async function getNetworkHome(db: Queryable, actor: Actor, networkId: string) {
  requireMember(actor, networkId);
  const [network, orgs, members] = await Promise.all([
    networkRow(db, networkId),
    organisations(db, networkId),
    people(db, actor, networkId),
  ]);
  return {
    network,
    organisations: orgs.map((o) => {
      const withAbilities = organisationPolicy.present(actor, { ...o, networkId });
      return { ...withAbilities, canReadHome: canReadHome(actor, networkId, o.id) };
    }),
    people: members,
    me: { userId: actor.userId, role: actor.membership!.role, organisationId: actor.membership!.organisationId },
    abilities: abilities(actor, networkId),
  };
}

/** One organisation with its people and what the actor may do with it. */
export async function getOrganisationPage(db: Queryable, actor: Actor, networkId: string, organisationId: string) {
  requireMember(actor, networkId);
  const [network, orgs] = await Promise.all([networkRow(db, networkId), organisations(db, networkId, organisationId)]);
  const organisation = orgs[0];
  if (!organisation) throw new AppError(404, 'errors.notFound');
  const may = {
    ...organisationPolicy.abilities(actor, { ...organisation, networkId }),
    readHome: canReadHome(actor, networkId, organisationId),
  };
  return {
    network,
    organisation: { ...organisation, abilities: may },
    people: organisation.status === 'left' ? [] : await people(db, actor, networkId, organisationId),
    /** The organisation's abilities (also on `organisation`; kept here for the pages that read them). */
    abilities: may,
  };
}

/** People of the network with their roles. Every member may list them. */
export async function listMembers(db: Queryable, actor: Actor, networkId: string): Promise<Person[]> {
  requireMember(actor, networkId);
  return people(db, actor, networkId);
}

export type InvitationState = 'pending' | 'expired' | 'revoked' | 'used';

function stateOf(
  r: { revoked_at: number | null; accepted_at: number | null; expires_at: number },
  now: number,
): InvitationState {
  if (r.accepted_at) return 'used';
  if (r.revoked_at) return 'revoked';
  if (Number(r.expires_at) <= now) return 'expired';
  return 'pending';
}

export interface InvitationSummary {
  id: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  email: string | null;
  createdBy: { id: string; name: string };
  createdAt: number;
  expiresAt: number;
  state: InvitationState;
  acceptedBy: string | null;
  /** What the actor may do with it (withdraw it). */
  abilities: AbilitiesOf<typeof invitationPolicy>;
}

/**
 * Invitations of a network, newest first. Network managers see all; other
 * members see the ones they created. Tokens are never stored, so never shown.
 */
export async function listInvitations(
  db: Queryable,
  actor: Actor,
  networkId: string,
  now = Date.now(),
): Promise<InvitationSummary[]> {
  requireMember(actor, networkId);
  // Managers see every invitation, everyone else the ones they made (invitationPolicy `see`).
  const all = can(actor, 'invitation.manage', { type: 'network', networkId });
  const rows = await db.all<{
    id: string;
    role: Role;
    organisation_id: string | null;
    organisation_name: string | null;
    email: string | null;
    created_by: string;
    creator_name: string;
    created_at: number;
    expires_at: number;
    revoked_at: number | null;
    accepted_at: number | null;
    acceptor_name: string | null;
  }>(
    `SELECT i.id, i.role, i.organisation_id, o.name AS organisation_name, i.email, i.created_by, u.name AS creator_name,
            i.created_at, i.expires_at, i.revoked_at, i.accepted_at, a.name AS acceptor_name
       FROM invitations i
       JOIN users u ON u.id = i.created_by
       LEFT JOIN users a ON a.id = i.accepted_by
       LEFT JOIN organisations o ON o.id = i.organisation_id
      WHERE i.network_id = ? ${all ? '' : 'AND i.created_by = ?'}
      ORDER BY i.created_at DESC, i.id`,
    all ? [networkId] : [networkId, actor.userId],
  );
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    email: r.email,
    createdBy: { id: r.created_by, name: r.creator_name },
    createdAt: Number(r.created_at),
    expiresAt: Number(r.expires_at),
    state: stateOf(r, now),
    acceptedBy: r.acceptor_name,
    abilities: invitationPolicy.abilities(actor, {
      networkId,
      role: r.role,
      organisationId: r.organisation_id,
      createdBy: r.created_by,
      state: stateOf(r, now),
    }),
  }));
}

export interface InvitationPreview {
  state: InvitationState;
  /** For the invite page only (the public API does not pass it on). */
  networkId: string;
  networkName: string;
  role: Role;
  organisationName: string | null;
  inviterName: string;
  /** True when only one email address may accept (the address itself is not shown). */
  emailBound: boolean;
}

/**
 * What the invite page shows to anyone holding the token: network, role,
 * organisation, inviter, and whether it can still be used. Null when no
 * invitation has this token.
 */
export async function previewInvitation(
  db: Queryable,
  token: string,
  now = Date.now(),
): Promise<InvitationPreview | null> {
  if (typeof token !== 'string' || token.length < 16 || token.length > 200) return null;
  const r = await db.get<{
    network_id: string;
    network_name: string;
    role: Role;
    organisation_name: string | null;
    inviter_name: string;
    email: string | null;
    expires_at: number;
    revoked_at: number | null;
    accepted_at: number | null;
  }>(
    `SELECT i.network_id, n.name AS network_name, i.role, o.name AS organisation_name, u.name AS inviter_name, i.email,
            i.expires_at, i.revoked_at, i.accepted_at
       FROM invitations i
       JOIN networks n ON n.id = i.network_id
       JOIN users u ON u.id = i.created_by
       LEFT JOIN organisations o ON o.id = i.organisation_id
      WHERE i.token_hash = ?`,
    [hashToken(token)],
  );
  if (!r) return null;
  return {
    state: stateOf(r, now),
    networkId: r.network_id,
    networkName: r.network_name,
    role: r.role,
    organisationName: ORG_ROLES.includes(r.role) ? r.organisation_name : null,
    inviterName: r.inviter_name,
    emailBound: Boolean(r.email),
  };
}
