import type { DocName } from '../docs/names';
import { AppError } from '../errors';

/**
 * Authorization in one place. Pages, route handlers, commands and the realtime
 * server all ask `can` / `authorize`; the client gets `abilities` to hide what
 * it may not use (hiding is never the check: the server refuses).
 *
 * An actor is a signed-in person together with their membership in the
 * network the subject belongs to (or none). Memberships of organisations that
 * have left the network, and removed memberships, count as none.
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

export type Subject =
  | { type: 'network'; networkId: string }
  | { type: 'organisation'; networkId: string; organisationId: string }
  | {
      type: 'invitation';
      networkId: string;
      role: Role;
      organisationId: string | null;
      /** Who created it (known for existing invitations). */
      createdBy?: string;
    }
  | { type: 'member'; networkId: string; userId: string }
  | { type: 'doc'; doc: DocName }
  /** A shared goal and the organisations taking part in it (cooperation). */
  | { type: 'goal'; networkId: string; organisationIds: readonly string[] };

export type Action =
  | 'network.read'
  | 'network.update'
  | 'organisation.create'
  | 'organisation.update'
  | 'organisation.setStatus'
  | 'invitation.create'
  | 'invitation.manage'
  | 'invitation.revoke'
  | 'member.list'
  | 'member.changeRole'
  | 'member.remove'
  | 'member.leave'
  | 'comment.create'
  | 'doc.read'
  | 'doc.write'
  | CooperationAction;

/** Cooperation: shared goals, the give/take ledger, commitments (tests: cooperation-policies.test.ts). */
export type CooperationAction =
  | 'goal.create'
  | 'goal.update'
  | 'goal.rate'
  | 'ledger.record'
  | 'ledger.respond'
  | 'commitment.manage'
  | 'commitment.approve'
  | 'unit.define'
  | 'pilot.decide';

function subjectNetwork(s: Subject): string {
  return s.type === 'doc' ? s.doc.networkId : s.networkId;
}

/** The membership that counts for this subject: same network, organisation not gone. */
function liveMembership(actor: Actor, s: Subject): ActorMembership | null {
  const m = actor.membership;
  if (!m || m.networkId !== subjectNetwork(s)) return null;
  if (m.organisationStatus === 'left') return null;
  return m;
}

const isManager = (m: ActorMembership) => m.role === 'manager';
const isActiveOrgMember = (m: ActorMembership) => m.organisationStatus !== 'paused';

/** May the actor do `action` to `subject`? */
export function can(actor: Actor | null, action: Action, subject: Subject): boolean {
  if (!actor) return false;
  const m = liveMembership(actor, subject);
  if (!m) return false;

  switch (action) {
    case 'network.read':
    case 'member.list':
      return true;
    case 'network.update':
    case 'organisation.create':
    case 'invitation.manage':
    case 'member.changeRole':
    case 'member.remove':
      return isManager(m);
    case 'organisation.update':
    case 'organisation.setStatus':
      // Joining, pausing and leaving are the organisation's own voluntary acts;
      // the network manager keeps the register in order.
      return (
        subject.type === 'organisation' &&
        (isManager(m) || (m.role === 'representative' && m.organisationId === subject.organisationId))
      );
    case 'invitation.revoke':
      // Managers withdraw any invitation; every other member only the ones they made.
      return subject.type === 'invitation' && (isManager(m) || subject.createdBy === actor.userId);
    case 'invitation.create': {
      if (subject.type !== 'invitation') return false;
      if (isManager(m)) return true;
      // A representative brings in colleagues of their own organisation, nothing more.
      return (
        m.role === 'representative' &&
        isActiveOrgMember(m) &&
        ORG_ROLES.includes(subject.role) &&
        subject.organisationId === m.organisationId
      );
    }
    case 'member.leave':
      // Every member may end their own membership (any role; the command keeps the last manager).
      return subject.type === 'member' && subject.userId === actor.userId;
    case 'comment.create':
      return m.role !== 'observer';
    case 'doc.read':
    case 'doc.write':
      return subject.type === 'doc' && canDoc(m, action === 'doc.write' ? 'write' : 'read', subject.doc);
    default:
      return canCooperate(m, action, subject);
  }
}

/**
 * Cooperation rules. Representatives act for their own organisation only; the
 * receiving side alone answers an entry; managers moderate (create and revise
 * goals, answer entries addressed to the network as a whole) but never record,
 * rate or commit in another organisation's name.
 */
function canCooperate(m: ActorMembership, action: CooperationAction, subject: Subject): boolean {
  const ownOrg = (orgId: string) => m.organisationId === orgId && isActiveOrgMember(m);
  const isRep = m.role === 'representative' && isActiveOrgMember(m);
  switch (action) {
    case 'goal.create':
      return isManager(m) || isRep;
    case 'goal.update':
      return (
        subject.type === 'goal' && (isManager(m) || (isRep && subject.organisationIds.includes(m.organisationId ?? '')))
      );
    case 'goal.rate':
      return subject.type === 'organisation' && ORG_ROLES.includes(m.role) && ownOrg(subject.organisationId);
    case 'ledger.record':
    case 'commitment.manage':
      return subject.type === 'organisation' && isRep && ownOrg(subject.organisationId);
    case 'ledger.respond':
      if (subject.type === 'network') return isManager(m);
      return subject.type === 'organisation' && isRep && ownOrg(subject.organisationId);
    case 'commitment.approve':
      return subject.type === 'organisation' && m.role === 'home_member' && ownOrg(subject.organisationId);
    case 'unit.define':
      return isManager(m);
    case 'pilot.decide':
      // "Deepen, repeat or stop?" for a pilot goal (subject: its participating organisations) or a pilot
      // commitment (subject: the committing organisation): network managers and those organisations' representatives.
      return (
        subject.type === 'goal' && (isManager(m) || (isRep && subject.organisationIds.includes(m.organisationId ?? '')))
      );
  }
}

function canDoc(m: ActorMembership, mode: 'read' | 'write', doc: DocName): boolean {
  const ownOrg = 'orgId' in doc && m.organisationId === doc.orgId && ORG_ROLES.includes(m.role);
  switch (doc.kind) {
    case 'commons':
      return mode === 'read' || ((isManager(m) || m.role === 'representative') && isActiveOrgMember(m));
    case 'org':
      return mode === 'read' || (ownOrg && m.role === 'representative' && isActiveOrgMember(m));
    case 'home':
      // The home system: that organisation's people only, managers included in nothing.
      return ownOrg;
    case 'meeting':
      return mode === 'read' || isManager(m) || (m.role === 'representative' && isActiveOrgMember(m));
  }
}

/** Thrown by `authorize`; route handlers answer 404 (not a member) or 403. */
export class ForbiddenError extends Error {
  constructor(
    readonly action: Action,
    /** True when the actor is no member of the network at all: answer as if it did not exist. */
    readonly notFound: boolean,
  ) {
    super(notFound ? 'not_found' : 'forbidden');
  }
}

/** Like `can`, but throws ForbiddenError. */
export function authorize(actor: Actor | null, action: Action, subject: Subject): void {
  if (can(actor, action, subject)) return;
  const member = actor ? liveMembership(actor, subject) !== null : false;
  throw new ForbiddenError(action, !member);
}

/**
 * Members of the network may learn that a thing exists; everyone else gets
 * "not found". Call before any check that would reveal something.
 */
export function requireMember(actor: Actor, networkId: string): void {
  authorize(actor, 'network.read', { type: 'network', networkId });
}

/** Like `authorize`, but a member who may not gets a specific message (403) instead of the generic one. */
export function authorizeWith(actor: Actor, action: Action, subject: Subject, key: string): void {
  try {
    authorize(actor, action, subject);
  } catch (err) {
    if (err instanceof ForbiddenError && !err.notFound) throw new AppError(403, key);
    throw err;
  }
}

/** What the client may show for a network: serialised for the UI. */
export function abilities(actor: Actor | null, networkId: string) {
  const n: Subject = { type: 'network', networkId };
  const m = actor?.membership?.networkId === networkId ? actor.membership : null;
  return {
    read: can(actor, 'network.read', n),
    update: can(actor, 'network.update', n),
    createOrganisation: can(actor, 'organisation.create', n),
    manageInvitations: can(actor, 'invitation.manage', n),
    changeRoles: can(actor, 'member.changeRole', n),
    removeMembers: can(actor, 'member.remove', n),
    comment: can(actor, 'comment.create', n),
    /** Roles the actor may invite people into (and for which organisation). */
    inviteRoles: ROLES.filter((role) =>
      can(actor, 'invitation.create', {
        type: 'invitation',
        networkId,
        role,
        organisationId: ORG_ROLES.includes(role) ? (m?.organisationId ?? null) : null,
      }),
    ),
  };
}
export type Abilities = ReturnType<typeof abilities>;
